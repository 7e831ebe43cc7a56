/**
 * Ring roles: {@link org.parcelnet.roles.TierClassifier} gives every party of a community a tier
 * (source, transit, distributor, retailer) from its position in the flow of goods, using the place
 * facts of {@link org.parcelnet.roles.PlaceFacts} (border entry points, transit provinces).
 */
package org.parcelnet.roles;

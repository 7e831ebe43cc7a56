/**
 * Trained lead scorers: {@link org.parcelnet.learn.LeadVectors} (the scorecard's features and a FastRP
 * embedding of the party graph as rows), {@link org.parcelnet.learn.LeadModel} (a Tribuo classifier of
 * ring membership and optionally one of the tier of placed ring members, saved with their provenance)
 * and {@link org.parcelnet.learn.LearnedLeads} (scoring and tiering a finished analysis). {@code LeadModel} and {@code LearnedLeads} need Tribuo
 * ({@code org.tribuo:tribuo-classification-sgd} and {@code tribuo-classification-tree}), an optional
 * dependency of the library: add them to use this package.
 */
package org.parcelnet.learn;

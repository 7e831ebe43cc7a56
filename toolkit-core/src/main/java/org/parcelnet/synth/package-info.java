/**
 * Synthetic shipment networks with planted smuggling rings and their ground truth: {@link
 * org.parcelnet.synth.Geography} (provinces, cities, border entry towns, transit hubs, great-circle
 * distances), {@link org.parcelnet.synth.GeneratorConfig} (the knobs) and {@code NetworkGenerator} (streams {@code shipments.csv} and the truth files).
 */
package org.parcelnet.synth;

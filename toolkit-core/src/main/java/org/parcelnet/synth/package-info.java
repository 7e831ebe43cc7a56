/**
 * Synthetic shipment networks with planted smuggling rings and their ground truth:
 * {@link org.parcelnet.synth.Geography} (provinces, cities, border entry towns, transit hubs,
 * great-circle distances; usable by any package), {@link org.parcelnet.synth.GeneratorConfig} (the
 * knobs) and {@link org.parcelnet.synth.NetworkGenerator} (streams {@code shipments.csv} and the truth
 * files, byte-identical for a given configuration). The model is described in {@code docs/generator.md}.
 */
package org.parcelnet.synth;

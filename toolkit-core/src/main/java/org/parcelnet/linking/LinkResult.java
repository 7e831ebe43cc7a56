package org.parcelnet.linking;

import java.util.List;
import java.util.Objects;

/**
 * Case networks of a shipment table.
 *
 * @param network per shipment row, its case network (dense ids, 0 = largest, ties by first row)
 * @param sizes   shipments per network, descending
 * @param hubs    identifiers suppressed as hubs, most counterparties first
 * @param identifiers distinct identifiers seen (phones, addresses, name+phone pairs)
 */
public record LinkResult(int[] network, int[] sizes, List<Hub> hubs, int identifiers) {

    /** What kind of identifier a hub is. */
    public enum Kind {
        /** A normalised phone (sender or receiver side). */
        PHONE,
        /** A normalised address. */
        ADDRESS,
        /** A name together with the phone it was used with. */
        NAME_PHONE
    }

    /**
     * An identifier not used for linking.
     *
     * @param kind           its kind
     * @param value          the identifier (phone, normalised address, or {@code name|phone}); personal
     *                       data, never logged
     * @param shipments      shipments carrying it
     * @param counterparties distinct counterparty phones over those shipments
     */
    public record Hub(Kind kind, String value, int shipments, int counterparties) {
        public Hub {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    public LinkResult {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sizes, "sizes");
        network = network.clone();
        sizes = sizes.clone();
        hubs = List.copyOf(hubs);
    }

    /** A copy of the network of every shipment row. */
    @Override
    public int[] network() {
        return network.clone();
    }

    /** A copy of the network sizes. */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** Network of shipment row {@code row}. */
    public int networkOf(int row) {
        return network[row];
    }

    /** Number of networks (singletons included). */
    public int networkCount() {
        return sizes.length;
    }

    /** Number of networks with at least two shipments. */
    public int linkedNetworkCount() {
        int c = 0;
        for (int s : sizes) {
            if (s >= 2) {
                c++;
            }
        }
        return c;
    }

    /** Number of shipments. */
    public int shipmentCount() {
        return network.length;
    }
}

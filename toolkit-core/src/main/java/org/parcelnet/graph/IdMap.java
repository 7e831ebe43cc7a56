package org.parcelnet.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A bijection between external ids (strings, or any JGraphT vertex type) and the dense ints
 * {@code 0..size()-1} that {@link CompactGraph} uses. Ids are numbered in first-seen order, so the
 * numbering is deterministic for a given input order.
 *
 * @param <T> the external id type; must have consistent {@code equals}/{@code hashCode}
 */
public final class IdMap<T> {

    /**
     * Open-addressing index (linear probing) from an id's hash to {@code node + 1}, 0 for an empty
     * slot; at most half full. An id costs 8 bytes here, against about 56 for a boxed
     * {@code HashMap<T, Integer>} entry (node, boxed value, table slot): 1.7M party ids of a
     * national-scale run are 14 MB instead of about 100 MB. Built on first use when the map was
     * made by {@link #ofDistinct}.
     */
    private volatile int[] slots;
    private final List<T> ids;

    /** An empty map. */
    public IdMap() {
        this(16);
    }

    /** An empty map sized for {@code expected} ids. */
    public IdMap(int expected) {
        slots = new int[capacityFor(Math.max(16, expected))];
        ids = new ArrayList<>(Math.max(16, expected));
    }

    private IdMap(List<T> distinct) {
        ids = distinct;
    }

    /**
     * A map over ids already numbered: node {@code i} is {@code distinct.get(i)}. The hash index is
     * built on the first lookup, not here, so that readers that numbered the ids themselves (the
     * fast edge-list reader, graph snapshots) do not pay for an index that a command may never use.
     *
     * @throws IllegalArgumentException on the first lookup, when two ids are equal
     */
    public static <T> IdMap<T> ofDistinct(List<T> distinct) {
        for (T t : distinct) {
            Objects.requireNonNull(t, "id");
        }
        return new IdMap<>(new ArrayList<>(distinct));
    }

    /** A power of two at least twice {@code n}. */
    private static int capacityFor(int n) {
        if (n > (1 << 29)) {
            throw new IllegalStateException("too many ids for one map: " + n);
        }
        return Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    }

    /**
     * The home slot: the top bits of the hash times the golden ratio (Fibonacci hashing), so that
     * ids with close hashes (numbered strings) do not cluster.
     */
    private static int home(Object id, int mask) {
        return (id.hashCode() * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
    }

    private int[] index() {
        int[] known = slots;
        return known != null ? known : buildIndex();
    }

    private synchronized int[] buildIndex() {
        if (slots == null) {
            int[] table = new int[capacityFor(ids.size())];
            int mask = table.length - 1;
            for (int i = 0; i < ids.size(); i++) {
                T id = ids.get(i);
                int h = home(id, mask);
                while (table[h] != 0) {
                    if (ids.get(table[h] - 1).equals(id)) {
                        throw new IllegalArgumentException("duplicate id at node " + i + ": " + id);
                    }
                    h = (h + 1) & mask;
                }
                table[h] = i + 1;
            }
            slots = table;
        }
        return slots;
    }

    /** The slot holding {@code id}, or the empty slot where it would go. */
    private int find(int[] table, Object id) {
        int mask = table.length - 1;
        int h = home(id, mask);
        int node;
        while ((node = table[h]) != 0 && !ids.get(node - 1).equals(id)) {
            h = (h + 1) & mask;
        }
        return h;
    }

    /** The int of {@code id}, adding it when new. */
    public int intern(T id) {
        Objects.requireNonNull(id, "id");
        int[] table = index();
        int h = find(table, id);
        if (table[h] != 0) {
            return table[h] - 1;
        }
        int next = ids.size();
        ids.add(id);
        if ((long) ids.size() * 2 > table.length) {
            slots = rehashed(table.length * 2);
        } else {
            table[h] = next + 1;
        }
        return next;
    }

    private int[] rehashed(int capacity) {
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < ids.size(); i++) {
            int h = home(ids.get(i), mask);
            while (table[h] != 0) {
                h = (h + 1) & mask;
            }
            table[h] = i + 1;
        }
        return table;
    }

    /** The int of {@code id}, or -1 when unknown. */
    public int indexOf(T id) {
        if (id == null) {
            return -1;
        }
        int[] table = index();
        return table[find(table, id)] - 1;
    }

    /** Whether {@code id} is known. */
    public boolean contains(T id) {
        return indexOf(id) >= 0;
    }

    /** The external id of node {@code node}. */
    public T id(int node) {
        return ids.get(node);
    }

    /** Number of ids. */
    public int size() {
        return ids.size();
    }

    /** The ids in node order (unmodifiable view). */
    public List<T> ids() {
        return Collections.unmodifiableList(ids);
    }
}

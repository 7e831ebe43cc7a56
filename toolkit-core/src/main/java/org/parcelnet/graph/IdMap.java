package org.parcelnet.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bijection between external ids (strings, or any JGraphT vertex type) and the dense ints
 * {@code 0..size()-1} that {@link CompactGraph} uses. Ids are numbered in first-seen order, so the
 * numbering is deterministic for a given input order.
 *
 * @param <T> the external id type; must have consistent {@code equals}/{@code hashCode}
 */
public final class IdMap<T> {

    /** Built on first use when the map was made by {@link #ofDistinct}. */
    private volatile Map<T, Integer> index;
    private final List<T> ids;

    /** An empty map. */
    public IdMap() {
        this(16);
    }

    /** An empty map sized for {@code expected} ids. */
    public IdMap(int expected) {
        index = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
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

    private Map<T, Integer> index() {
        Map<T, Integer> known = index;
        return known != null ? known : buildIndex();
    }

    private synchronized Map<T, Integer> buildIndex() {
        if (index == null) {
            Map<T, Integer> m = new HashMap<>(Math.max(16, (int) (ids.size() / 0.75f) + 1));
            for (int i = 0; i < ids.size(); i++) {
                if (m.putIfAbsent(ids.get(i), i) != null) {
                    throw new IllegalArgumentException("duplicate id at node " + i + ": " + ids.get(i));
                }
            }
            index = m;
        }
        return index;
    }

    /** The int of {@code id}, adding it when new. */
    public int intern(T id) {
        Objects.requireNonNull(id, "id");
        Map<T, Integer> index = index();
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        int next = ids.size();
        index.put(id, next);
        ids.add(id);
        return next;
    }

    /** The int of {@code id}, or -1 when unknown. */
    public int indexOf(T id) {
        Integer known = index().get(id);
        return known == null ? -1 : known;
    }

    /** Whether {@code id} is known. */
    public boolean contains(T id) {
        return index().containsKey(id);
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

package org.parcelnet.cli;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.Csv;
import org.parcelnet.io.Json;
import org.parcelnet.io.NodeAttributes;

/**
 * What {@code --nodes FILE} adds to a graph command's outputs: {@code label} and {@code region} columns
 * after the node id in per-node CSV files, and per-region groups in summary.json. Without {@code --nodes}
 * it adds nothing, so outputs keep the docs/data-format.md columns. Package-private.
 */
final class NodeColumns {

    private static final String NO_REGION = "(none)";

    private final NodeAttributes attributes;
    private final String[] label;
    private final String[] region;

    private NodeColumns(NodeAttributes attributes, LabeledGraph g) {
        this.attributes = attributes;
        int n = g.graph().nodeCount();
        label = new String[n];
        region = new String[n];
        for (int v = 0; v < n; v++) {
            String id = g.label(v);
            label[v] = attributes == null ? id : attributes.label(id);
            String r = attributes == null ? "" : attributes.region(id);
            region[v] = r.isEmpty() ? NO_REGION : r;
        }
    }

    /** The columns of {@code --nodes} for the nodes of {@code g} (none when it was not given). */
    static NodeColumns of(GraphInput input, LabeledGraph g) throws IOException {
        return new NodeColumns(input.nodeAttributes(), g);
    }

    /** Whether {@code --nodes} was given. */
    boolean present() {
        return attributes != null;
    }

    /** Extra header cells, with leading comma: {@code ",label,region"}, or "". */
    String header() {
        return present() ? ",label,region" : "";
    }

    /** Extra cells of node {@code v}, with leading comma, or "". */
    String cells(int v) {
        return present() ? "," + Csv.cell(label[v]) + "," + Csv.cell(regionOrEmpty(v)) : "";
    }

    /** The label of {@code v} (its id without {@code --nodes} or when the file has no label for it). */
    String label(int v) {
        return label[v];
    }

    /** The region of {@code v}, or "(none)". */
    String region(int v) {
        return region[v];
    }

    private String regionOrEmpty(int v) {
        return NO_REGION.equals(region[v]) ? "" : region[v];
    }

    /** Whether any node of the graph has a region. */
    boolean hasRegions() {
        for (String r : region) {
            if (!NO_REGION.equals(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Region codes of the nodes for comparisons: dense ids in sorted region order, -1 for nodes without
     * a region.
     */
    int[] regionCodes() {
        TreeMap<String, Integer> codes = new TreeMap<>();
        for (String r : region) {
            if (!NO_REGION.equals(r)) {
                codes.putIfAbsent(r, 0);
            }
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : codes.entrySet()) {
            e.setValue(k++);
        }
        int[] out = new int[region.length];
        for (int v = 0; v < out.length; v++) {
            out[v] = NO_REGION.equals(region[v]) ? -1 : codes.get(region[v]);
        }
        return out;
    }

    /** Node count per region (sorted by region name), for summaries. */
    Map<String, Object> nodesPerRegion() {
        TreeMap<String, Integer> count = new TreeMap<>();
        for (String r : region) {
            count.merge(r, 1, Integer::sum);
        }
        Map<String, Object> m = Json.object();
        count.forEach(m::put);
        return m;
    }

    /** A summary object per region (sorted by name), created on first use. */
    static Map<String, Object> group(Map<String, Map<String, Object>> groups, String region) {
        return groups.computeIfAbsent(region, r -> Json.object());
    }

    /** Sorted region map for summaries. */
    static Map<String, Map<String, Object>> groups() {
        return new TreeMap<>();
    }
}

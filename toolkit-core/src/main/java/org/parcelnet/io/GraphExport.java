package org.parcelnet.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.parcelnet.graph.JGraphTBridge;
import org.parcelnet.graph.LabeledGraph;

/**
 * Exports a labelled graph with string node attributes to GraphML and GEXF (for Gephi, yEd,
 * Cytoscape) through jgrapht-io. Node ids are the graph's labels; edge weights are exported; every
 * attribute column becomes a declared string attribute. Files are written atomically.
 */
public final class GraphExport {

    private GraphExport() {
    }

    /**
     * Writes GraphML.
     *
     * @param attributes attribute name → one value per node (node order of {@code g})
     */
    public static void graphML(LabeledGraph g, Map<String, List<String>> attributes, Path target) throws IOException {
        Graph<String, DefaultWeightedEdge> j = JGraphTBridge.toJGraphT(g);
        GraphMLExporter<String, DefaultWeightedEdge> ex = new GraphMLExporter<>(v -> v);
        ex.setExportEdgeWeights(true);
        for (String a : attributes.keySet()) {
            ex.registerAttribute(a, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        }
        ex.setVertexAttributeProvider(v -> attributesOf(g, attributes, v));
        AtomicFiles.writeText(target, w -> ex.exportGraph(j, w));
    }

    /** Writes GEXF 1.2 (Gephi's own format). */
    public static void gexf(LabeledGraph g, Map<String, List<String>> attributes, Path target) throws IOException {
        Graph<String, DefaultWeightedEdge> j = JGraphTBridge.toJGraphT(g);
        GEXFExporter<String, DefaultWeightedEdge> ex = new GEXFExporter<>(v -> v,
                new java.util.function.Function<>() {
                    private final Map<DefaultWeightedEdge, String> ids = new java.util.IdentityHashMap<>();

                    @Override
                    public String apply(DefaultWeightedEdge e) {
                        return ids.computeIfAbsent(e, x -> "e" + ids.size());
                    }
                });
        for (String a : attributes.keySet()) {
            ex.registerAttribute(a, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
        }
        ex.setVertexAttributeProvider(v -> attributesOf(g, attributes, v));
        ex.setEdgeAttributeProvider(e -> Map.of("weight", DefaultAttribute.createAttribute(j.getEdgeWeight(e))));
        ex.setCreator("ParcelNet");
        AtomicFiles.writeText(target, w -> ex.exportGraph(j, w));
    }

    private static Map<String, Attribute> attributesOf(LabeledGraph g, Map<String, List<String>> attributes, String v) {
        int node = g.node(v);
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("label", DefaultAttribute.createAttribute(v));
        for (Map.Entry<String, List<String>> e : attributes.entrySet()) {
            String value = e.getValue().get(node);
            m.put(e.getKey(), DefaultAttribute.createAttribute(value == null ? "" : value));
        }
        return m;
    }
}

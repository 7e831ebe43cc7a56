import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.Csv;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.ShipmentTable;

/**
 * Core's party graph ({@code Projections.partyGraph}: sender → receiver, shipments per pair) of a
 * shipments file, written as the Spark job writes {@code party_graph.csv} (header
 * {@code source,target,weight}, rows sorted by source then target), so the two files can be compared
 * byte for byte. Run with the command-line jar on the class path:
 * {@code java -Xmx8g -cp toolkit-cli/target/parcelnet.jar benchmarks/spark/CorePartyGraph.java SHIPMENTS OUT}.
 */
public final class CorePartyGraph {

    public static void main(String[] args) throws IOException {
        ShipmentTable t = ShipmentReader.read(Path.of(args[0])).table();
        LabeledGraph lg = Projections.partyGraph(t);
        CompactGraph g = lg.graph();
        Integer[] order = new Integer[g.nodeCount()];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        // phones are ASCII, so String order is the byte order Spark sorts by
        Arrays.sort(order, (a, b) -> lg.label(a).compareTo(lg.label(b)));
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            w.write("source,target,weight\n");
            for (int u : order) {
                int from = g.outStart(u);
                int to = g.outEnd(u);
                Integer[] arcs = new Integer[to - from];
                for (int a = from; a < to; a++) {
                    arcs[a - from] = a;
                }
                Arrays.sort(arcs, (x, y) -> lg.label(g.target(x)).compareTo(lg.label(g.target(y))));
                for (int a : arcs) {
                    w.write(Csv.cell(lg.label(u)) + "," + Csv.cell(lg.label(g.target(a))) + "," + (long) g.weight(a) + "\n");
                }
            }
        }
    }
}

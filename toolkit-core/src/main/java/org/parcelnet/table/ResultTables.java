package org.parcelnet.table;

import java.util.List;

import org.parcelnet.model.ShipmentTable;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Results as Tablesaw tables, in the file formats of docs/data-format.md (communities.csv,
 * networks.csv, tiers.csv, routes.csv, interdiction.csv).
 */
public final class ResultTables {

    private ResultTables() {
    }

    /** {@code node,community} for every node. */
    public static Table communities(List<String> nodeIds, int[] community) {
        StringColumn node = StringColumn.create("node");
        IntColumn c = IntColumn.create("community");
        for (int v = 0; v < community.length; v++) {
            node.append(nodeIds.get(v));
            c.append(community[v]);
        }
        return Table.create("communities", node, c);
    }

    /**
     * {@code party,community,tier,sent,received} for the parties that have a tier (null tiers are
     * left out).
     */
    public static Table tiers(List<String> partyIds, int[] community, String[] tier, int[] sent, int[] received) {
        StringColumn party = StringColumn.create("party");
        IntColumn c = IntColumn.create("community");
        StringColumn t = StringColumn.create("tier");
        IntColumn s = IntColumn.create("sent");
        IntColumn r = IntColumn.create("received");
        for (int v = 0; v < tier.length; v++) {
            if (tier[v] == null) {
                continue;
            }
            party.append(partyIds.get(v));
            c.append(community[v]);
            t.append(tier[v]);
            s.append(sent[v]);
            r.append(received[v]);
        }
        return Table.create("tiers", party, c, t, s, r);
    }

    /** One aggregated relay route: places joined by " > ", chains that followed it, cartons, parties. */
    public record RouteRow(String route, int chains, long pieces, int parties) {
    }

    /** {@code rank,route,chains,pieces,parties}, in the given order. */
    public static Table routes(List<RouteRow> rows) {
        IntColumn rank = IntColumn.create("rank");
        StringColumn route = StringColumn.create("route");
        IntColumn chains = IntColumn.create("chains");
        LongColumn pieces = LongColumn.create("pieces");
        IntColumn parties = IntColumn.create("parties");
        int k = 0;
        for (RouteRow r : rows) {
            rank.append(++k);
            route.append(r.route());
            chains.append(r.chains());
            pieces.append(r.pieces());
            parties.append(r.parties());
        }
        return Table.create("routes", rank, route, chains, pieces, parties);
    }

    /** One interdiction pick. */
    public record InterdictionRow(String party, String method, int rank, long reachabilityAfter, String tier,
                                  double betweenness) {
    }

    /** {@code party,method,rank,reachability_after,tier,betweenness}. */
    public static Table interdiction(List<InterdictionRow> rows) {
        StringColumn party = StringColumn.create("party");
        StringColumn method = StringColumn.create("method");
        IntColumn rank = IntColumn.create("rank");
        LongColumn after = LongColumn.create("reachability_after");
        StringColumn tier = StringColumn.create("tier");
        DoubleColumn b = DoubleColumn.create("betweenness");
        for (InterdictionRow r : rows) {
            party.append(r.party());
            method.append(r.method());
            rank.append(r.rank());
            after.append(r.reachabilityAfter());
            tier.append(r.tier() == null ? "" : r.tier());
            b.append(r.betweenness());
        }
        return Table.create("interdiction", party, method, rank, after, tier, b);
    }
}

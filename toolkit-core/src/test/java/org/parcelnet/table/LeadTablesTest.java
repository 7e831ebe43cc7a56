package org.parcelnet.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.LeadWeights;

import tech.tablesaw.api.Table;

class LeadTablesTest {

    @Test
    void leadsCsvColumnsRegionsAndRows() {
        // Volume only: P2 (9) > P1 (3) > P0 (0); P1 and P2 in ring 0.
        List<String> ids = List.of("P0", "P1", "P2");
        LeadFeatures f = new LeadFeatures(ids, new double[] {0, 3, 9}, new double[3], new double[3], new double[3],
                new double[3], new int[] {-1, 0, 0}, new double[3], new double[3]);
        LeadResult r = new LeadScorer(new LeadWeights(1, 0, 0, 0, 0, 0, 0, 0)).score(f, 3);
        String[] region = {"四川", "广东", "四川"};
        Table t = LeadTables.parties(r.parties(), region);
        assertEquals(List.of("rank", "party", "score", "ring", "region", "reasons"), LeadTables.header(t));
        List<List<Object>> rows = LeadTables.rows(t, 10);
        assertEquals(3, rows.size());
        assertEquals(Arrays.asList(1, "P2", 1.0, 0, "四川", "9 shipments"), rows.get(0));
        assertEquals(Math.log(4) / Math.log(10), (Double) rows.get(1).get(2), 1e-12);
        assertNull(rows.get(2).get(3), "no ring: missing");
        assertEquals(1, LeadTables.rows(t, 1).size());

        Map<String, Table> per = LeadTables.partiesByRegion(r.parties(), region);
        assertEquals(List.of("四川", "广东"), List.copyOf(per.keySet()));
        assertEquals(2, per.get("四川").rowCount());
        assertEquals(List.of(1, 3), per.get("四川").intColumn("rank").asList());

        Table rings = LeadTables.rings(r.rings(), ids, region, f.volume(), 1);
        assertEquals(List.of("rank", "ring", "score", "size", "region", "members", "reasons"), LeadTables.header(rings));
        assertEquals(Arrays.asList(1, 0, 1.0, 2, "四川", "P2", "12 shipments"), LeadTables.rows(rings, 5).get(0));
    }
}

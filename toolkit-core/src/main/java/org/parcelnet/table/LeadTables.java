package org.parcelnet.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.leads.RingLead;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables of leads: {@code leads.csv} ({@code rank,party,score,ring,region,reasons}, see
 * docs/data-format.md), one such table per region ({@code leads/<region>.csv}), and a ring table.
 */
public final class LeadTables {

    private LeadTables() {
    }

    /**
     * Party leads in rank order: {@code rank,party,score,ring,region,reasons}; ring is missing (empty in
     * CSV) for a party outside every ring.
     */
    public static Table parties(List<PartyLead> leads, String[] partyRegion) {
        IntColumn rank = IntColumn.create("rank");
        StringColumn party = StringColumn.create("party");
        DoubleColumn score = DoubleColumn.create("score");
        IntColumn ring = IntColumn.create("ring");
        StringColumn region = StringColumn.create("region");
        StringColumn reasons = StringColumn.create("reasons");
        for (PartyLead l : leads) {
            rank.append(l.rank());
            party.append(l.id());
            score.append(l.score());
            if (l.ring() >= 0) {
                ring.append(l.ring());
            } else {
                ring.appendMissing();
            }
            region.append(partyRegion[l.party()]);
            reasons.append(l.reasonText());
        }
        return Table.create("leads", rank, party, score, ring, region, reasons);
    }

    /** One party table per region (regions in name order), each in rank order with the global ranks. */
    public static Map<String, Table> partiesByRegion(List<PartyLead> leads, String[] partyRegion) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<PartyLead>> e : Dispatch.partiesByRegion(leads, partyRegion).entrySet()) {
            out.put(e.getKey(), parties(e.getValue(), partyRegion).setName("leads " + e.getKey()));
        }
        return out;
    }

    /**
     * Ring leads in rank order: {@code rank,ring,score,size,region,members,reasons}; members are the
     * ids of the best {@code maxMembers} members (by party score), separated by spaces.
     *
     * @param ids    party id by party index
     * @param volume per-party volume, for the ring's region ({@link Dispatch#ringRegion})
     */
    public static Table rings(List<RingLead> rings, List<String> ids, String[] partyRegion, double[] volume,
                              int maxMembers) {
        IntColumn rank = IntColumn.create("rank");
        IntColumn ring = IntColumn.create("ring");
        DoubleColumn score = DoubleColumn.create("score");
        IntColumn size = IntColumn.create("size");
        StringColumn region = StringColumn.create("region");
        StringColumn members = StringColumn.create("members");
        StringColumn reasons = StringColumn.create("reasons");
        for (RingLead r : rings) {
            rank.append(r.rank());
            ring.append(r.ring());
            score.append(r.score());
            size.append(r.size());
            region.append(Dispatch.ringRegion(r, partyRegion, volume));
            int[] m = r.members();
            List<String> top = new ArrayList<>();
            for (int i = 0; i < Math.min(maxMembers, m.length); i++) {
                top.add(ids.get(m[i]));
            }
            members.append(String.join(" ", top));
            reasons.append(r.reasonText());
        }
        return Table.create("rings", rank, ring, score, size, region, members, reasons);
    }

    /** Column names of a table, for an HTML report table. */
    public static List<String> header(Table t) {
        return List.copyOf(t.columnNames());
    }

    /**
     * The first {@code maxRows} rows as plain Java values (Integer, Double, String, …; missing values as
     * {@code null}), so a report can show any table without importing Tablesaw.
     */
    public static List<List<Object>> rows(Table t, int maxRows) {
        int n = Math.min(maxRows, t.rowCount());
        List<List<Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(t.columnCount());
            for (int c = 0; c < t.columnCount(); c++) {
                var col = t.column(c);
                row.add(col.isMissing(i) ? null : col.get(i));
            }
            out.add(row);
        }
        return out;
    }
}

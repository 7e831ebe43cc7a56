package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Identifier hashes from internal rows equal the hashes of the identifier strings; the filter never misses. */
class IdentifierHashesTest {

    private static final String[] PHONES = {"+8613800000001", "+8613800000002", "13912345678", "+66 81 234 5678"};
    private static final String[] ADDRESSES = {null, "北京市朝阳区建国路88号", "12 main st", "", "一二三"};
    private static final String[] NAMES = {null, "", "王伟", "li na", "Zoë|x"};

    private static UTF8String utf8(String s) {
        return s == null ? null : UTF8String.fromString(s);
    }

    /** The expected (ha, hb) pairs: the strings CaseLinkJob builds, hashed as the identifier count hashes them. */
    private static List<String> expected(String[] r) {
        String[] ident = new String[CaseLinkJob.IDENTIFIER_SLOTS];
        CaseLinkJob.identifierValues(r[0], r[1], r[2], r[3], r[4], r[5], ident, new String[CaseLinkJob.IDENTIFIER_SLOTS]);
        List<String> out = new ArrayList<>();
        for (String i : ident) {
            if (i != null) {
                byte[] b = i.getBytes(StandardCharsets.UTF_8);
                out.add(CaseLinkJob.identifierHash(b, IdentifierHashes.SEED_A) + ","
                        + CaseLinkJob.identifierHash(b, IdentifierHashes.SEED_B));
            }
        }
        return out;
    }

    /** IdentifierHashes' output for {@code rows}, each pair as "ha,hb" like {@link #expected}. */
    private static List<String> hashed(List<InternalRow> rows, IdentifierHashes.HashFilter filter) {
        List<String> got = new ArrayList<>();
        Iterator<InternalRow> it = IdentifierHashes.of(rows.iterator(), filter);
        while (it.hasNext()) {
            InternalRow h = it.next();
            got.add(h.getLong(0) + "," + h.getLong(1));
        }
        return got;
    }

    @Test
    void hashesEqualThoseOfTheIdentifierStringsWithRepeatsOnce() {
        Random random = new Random(11);
        List<String[]> table = new ArrayList<>();
        // a sender who posts to itself: both phones, both addresses and both names repeat
        table.add(new String[] {"+8613800000001", "+8613800000001", "12 main st", "12 main st", "王伟", "王伟"});
        for (int i = 0; i < 2_000; i++) {
            table.add(new String[] {PHONES[random.nextInt(PHONES.length)], PHONES[random.nextInt(PHONES.length)],
                ADDRESSES[random.nextInt(ADDRESSES.length)], ADDRESSES[random.nextInt(ADDRESSES.length)],
                NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)]});
        }
        // an identifier longer than the starting buffer
        table.add(new String[] {"1", "2", "x".repeat(700), null, "名".repeat(300), null});
        List<InternalRow> rows = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (String[] r : table) {
            Object[] cells = new Object[6];
            for (int c = 0; c < 6; c++) {
                cells[c] = utf8(r[c]);
            }
            rows.add(new GenericInternalRow(cells));
            want.addAll(expected(r));
        }
        List<String> got = hashed(rows, null);
        assertEquals(want, got);
        assertEquals(3, expected(table.get(0)).size(), "the phone, the address and the name once each");
    }

    @Test
    void filterKeepsEveryMemberAndFewOthers() {
        Random random = new Random(5);
        int n = 50_000;
        IdentifierHashes.HashFilter a = new IdentifierHashes.HashFilter(n);
        IdentifierHashes.HashFilter b = new IdentifierHashes.HashFilter(n);
        long[][] members = new long[n][2];
        for (int i = 0; i < n; i++) {
            members[i][0] = random.nextLong();
            members[i][1] = random.nextLong();
            // half in each, merged: the union must hold all
            (i % 2 == 0 ? a : b).add(members[i][0], members[i][1]);
        }
        IdentifierHashes.HashFilter f = a.merge(b);
        for (long[] m : members) {
            assertTrue(f.mightContain(m[0], m[1]));
        }
        int falsePositives = 0;
        int probes = 200_000;
        for (int i = 0; i < probes; i++) {
            if (f.mightContain(random.nextLong(), random.nextLong())) {
                falsePositives++;
            }
        }
        // a blocked filter of 12 bits per element and 7 probes: well under 1 % (0.5-0.7 % expected)
        assertTrue(falsePositives < probes / 100, "false positives " + falsePositives + " of " + probes);
    }

    @Test
    void filteredHashesAreThoseTheFilterHolds() {
        List<InternalRow> rows = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String[] r = {"+86138" + i, "+86139" + (i % 7), "street " + (i % 13), null, "n" + i, null};
            table.add(r);
            rows.add(new GenericInternalRow(new Object[] {utf8(r[0]), utf8(r[1]), utf8(r[2]), null, utf8(r[4]), null}));
        }
        // the filter holds the identifiers of every third row
        IdentifierHashes.HashFilter f = new IdentifierHashes.HashFilter(1_000);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < table.size(); i += 3) {
            for (String h : expected(table.get(i))) {
                String[] ab = h.split(",");
                f.add(Long.parseLong(ab[0]), Long.parseLong(ab[1]));
                held.add(h);
            }
        }
        List<String> want = new ArrayList<>();
        for (String[] r : table) {
            for (String h : expected(r)) {
                String[] ab = h.split(",");
                if (f.mightContain(Long.parseLong(ab[0]), Long.parseLong(ab[1]))) {
                    want.add(h);
                }
            }
        }
        List<String> got = hashed(rows, f);
        assertEquals(want, got);
        assertTrue(got.containsAll(held), "every held identifier passes");
    }
}

package org.parcelnet.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Components;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.ShipmentTable;

class PseudonymizerTest {

    static final String KEY_TEXT = "correct horse battery staple 42";

    @TempDir
    Path dir;

    static Pseudonymizer pseudonymizer(String key) {
        return new Pseudonymizer(PseudonymKey.fromText(key, "test"));
    }

    /** HMAC-SHA256 written out from RFC 2104 over MessageDigest, independent of javax.crypto.Mac. */
    static byte[] hmacSha256(byte[] key, byte[] message) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] k = key.length > 64 ? sha.digest(key) : key;
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        sha.update(ipad);
        byte[] inner = sha.digest(message);
        sha.update(opad);
        return sha.digest(inner);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @Test
    void referenceHmacMatchesRfc4231TestCase2() throws Exception {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex(hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void base32MatchesRfc4648Vectors() {
        // RFC 4648 §10: BASE32("fooba") = "MZXW6YTB"
        assertEquals("MZXW6YTB", Pseudonymizer.base32("fooba".getBytes(StandardCharsets.US_ASCII), 5));
        assertEquals("MZXW6YTBMZXW6YTB", Pseudonymizer.base32("foobafooba".getBytes(StandardCharsets.US_ASCII), 10));
        assertEquals("AAAAAAAA", Pseudonymizer.base32(new byte[5], 5));
        assertEquals("77777777", Pseudonymizer.base32(new byte[] {-1, -1, -1, -1, -1}, 5));
    }

    @Test
    void pseudonymIsPrefixPlusBase32OfTruncatedHmacOverDomainAndValue() throws Exception {
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        String value = "13800138000";
        byte[] msg = ("parcelnet/pseudonym/v1/phone\0" + value).getBytes(StandardCharsets.UTF_8);
        byte[] tag = hmacSha256(KEY_TEXT.getBytes(StandardCharsets.UTF_8), msg);
        assertEquals("P-" + Pseudonymizer.base32(tag, 10), p.phone(value));
        assertTrue(PseudonymKind.PHONE.matches(p.phone(value)));
        assertEquals(18, p.phone(value).length());
        byte[] nameTag = hmacSha256(KEY_TEXT.getBytes(StandardCharsets.UTF_8),
                ("parcelnet/pseudonym/v1/name\0" + "张三").getBytes(StandardCharsets.UTF_8));
        assertEquals("N-" + Pseudonymizer.base32(nameTag, 10), p.name("张三"));
    }

    @Test
    void sameKeySameValueGivesSamePseudonymAcrossInstances() {
        assertEquals(pseudonymizer(KEY_TEXT).phone("13800138000"), pseudonymizer(KEY_TEXT).phone("13800138000"));
        assertEquals(pseudonymizer(KEY_TEXT).address("x"), pseudonymizer(KEY_TEXT).address("x"));
    }

    @Test
    void differentKeysAreUnlinkable() {
        Pseudonymizer a = pseudonymizer(KEY_TEXT);
        Pseudonymizer b = pseudonymizer(KEY_TEXT + "!");
        Set<String> bodiesA = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            bodiesA.add(a.phone("1380000" + String.format("%04d", i)).substring(2));
        }
        for (int i = 0; i < 200; i++) {
            assertFalse(bodiesA.contains(b.phone("1380000" + String.format("%04d", i)).substring(2)));
        }
    }

    @Test
    void kindsAreDomainSeparated() {
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        String text = "13800138000";
        String phone = p.phone(text).substring(2);
        String name = p.name(text).substring(2);
        String address = p.address(text).substring(2);
        assertNotEquals(phone, name);
        assertNotEquals(phone, address);
        assertNotEquals(name, address);
        assertTrue(p.name(text).startsWith("N-"));
        assertTrue(p.address(text).startsWith("A-"));
        assertNull(p.phone(null));
    }

    @Test
    void keyIsNeverRevealedByToString() {
        PseudonymKey key = PseudonymKey.fromText(KEY_TEXT, "test");
        Pseudonymizer p = new Pseudonymizer(key);
        assertFalse(key.toString().contains("horse"));
        assertFalse(p.toString().contains("horse"));
        assertFalse(key.toString().contains(Integer.toString(KEY_TEXT.length())));
    }

    @Test
    void shortKeysAreRefusedWithoutQuotingThem() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudonymKey.fromText("fifteen bytes!!", "PARCELNET_KEY"));
        assertFalse(e.getMessage().contains("fifteen"));
        assertTrue(e.getMessage().contains("16"));
        PseudonymKey.fromText("sixteen bytes!!!", "ok"); // exactly 16: accepted
        Path shortFile = dir.resolve("short.key");
        Files.write(shortFile, new byte[15]);
        assertThrows(IllegalArgumentException.class, () -> PseudonymKey.fromFile(shortFile));
        Path newlinePadded = dir.resolve("padded.key");
        Files.writeString(newlinePadded, "fifteen bytes!!\n\n");
        assertThrows(IllegalArgumentException.class, () -> PseudonymKey.fromFile(newlinePadded));
    }

    @Test
    void textKeyFileWithTrailingNewlineEqualsEnvironmentText() throws Exception {
        Path f = dir.resolve("k.txt");
        Files.writeString(f, KEY_TEXT + "\r\n");
        Pseudonymizer fromFile = new Pseudonymizer(PseudonymKey.fromFile(f));
        Pseudonymizer fromEnv = new Pseudonymizer(PseudonymKey.resolve(null, Map.of("PARCELNET_KEY", KEY_TEXT)::get));
        assertEquals(fromEnv.phone("13800138000"), fromFile.phone("13800138000"));
    }

    @Test
    void binaryKeyFileIsUsedAsRawBytes() throws Exception {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 37 + 0x80); // invalid UTF-8, so not text
        }
        raw[31] = '\n'; // a raw key keeps even a trailing newline byte
        Path f = dir.resolve("k.bin");
        Files.write(f, raw);
        byte[] tag = hmacSha256(raw, ("parcelnet/pseudonym/v1/phone\u0000" + "123").getBytes(StandardCharsets.UTF_8));
        assertEquals("P-" + Pseudonymizer.base32(tag, 10), new Pseudonymizer(PseudonymKey.fromFile(f)).phone("123"));
    }

    @Test
    void resolveRefusesToRunWithoutAKeyAndPrefersTheKeyFile() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudonymKey.resolve(null, name -> null));
        assertTrue(e.getMessage().contains("--key-file"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymKey.resolve(null, Map.of("PARCELNET_KEY", "")::get));
        Path f = dir.resolve("k.txt");
        Files.writeString(f, "a different key of enough length");
        Pseudonymizer viaFile = new Pseudonymizer(PseudonymKey.resolve(f, Map.of("PARCELNET_KEY", KEY_TEXT)::get));
        assertNotEquals(pseudonymizer(KEY_TEXT).phone("1"), viaFile.phone("1"));
        assertEquals(pseudonymizer("a different key of enough length").phone("1"), viaFile.phone("1"));
    }

    @Test
    void destroyedKeyCannotBeUsed() {
        PseudonymKey key = PseudonymKey.fromText(KEY_TEXT, "t");
        key.destroy();
        assertThrows(IllegalStateException.class, () -> new Pseudonymizer(key));
    }

    @Test
    void tablePseudonymisationKeepsPartyGraphAndCaseNetworksIdentical() {
        ShipmentTable before = Fixtures.table();
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        ShipmentTable after = p.apply(before);
        assertEquals(before.size(), after.size());

        LabeledGraph g0 = Projections.partyGraph(before);
        LabeledGraph g1 = Projections.partyGraph(after);
        assertSameArcs(g0.graph(), g1.graph());
        for (int v = 0; v < g0.graph().nodeCount(); v++) {
            assertEquals(p.phone(g0.label(v)), g1.label(v));
        }
        // Case networks: components of the shipment–identifier graph, per shipment.
        int[] c0 = Components.weak(Projections.identifierGraph(before).graph()).component();
        int[] c1 = Components.weak(Projections.identifierGraph(after).graph()).component();
        for (int i = 0; i < before.size(); i++) {
            for (int j = 0; j < before.size(); j++) {
                assertEquals(c0[i] == c0[j], c1[i] == c1[j], "shipments " + i + "," + j);
            }
        }
        // Every other column copied.
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.shipmentId(i), after.shipmentId(i));
            assertEquals(before.shippedAt(i), after.shippedAt(i));
            assertEquals(before.place(before.originPlace(i)), after.place(after.originPlace(i)));
            assertEquals(before.place(before.destinationPlace(i)), after.place(after.destinationPlace(i)));
            assertEquals(before.pieces(i), after.pieces(i));
            assertEquals(before.weightKg(i), after.weightKg(i));
            assertEquals(before.mode(i), after.mode(i));
            assertEquals(before.flagged(i), after.flagged(i));
            assertEquals(before.goodsDictionary().value(before.goods(i)), after.goodsDictionary().value(after.goods(i)));
            assertEquals(before.senderName(i) < 0, after.senderName(i) < 0);
            assertEquals(before.receiverAddress(i) < 0, after.receiverAddress(i) < 0);
        }
    }

    @Test
    void noRawPersonalValueSurvivesInThePseudonymisedTable() {
        ShipmentTable before = Fixtures.table();
        ShipmentTable after = pseudonymizer(KEY_TEXT).apply(before);
        Set<String> raw = new HashSet<>();
        for (int c = 0; c < before.phones().size(); c++) {
            raw.add(before.phones().value(c));
        }
        for (int c = 0; c < before.names().size(); c++) {
            raw.add(before.names().value(c));
        }
        for (int c = 0; c < before.addresses().size(); c++) {
            raw.add(before.addresses().value(c));
        }
        for (int c = 0; c < after.phones().size(); c++) {
            assertFalse(raw.contains(after.phones().value(c)));
            assertTrue(PseudonymKind.PHONE.matches(after.phones().value(c)));
        }
        for (int c = 0; c < after.names().size(); c++) {
            assertTrue(PseudonymKind.NAME.matches(after.names().value(c)));
        }
        for (int c = 0; c < after.addresses().size(); c++) {
            assertTrue(PseudonymKind.ADDRESS.matches(after.addresses().value(c)));
        }
        assertEquals(before.phones().size(), after.phones().size());
        assertEquals(before.names().size(), after.names().size());
    }

    @Test
    void columnsNotChosenStayInClear() {
        ShipmentTable before = Fixtures.table();
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        ShipmentTable after = p.apply(before, EnumSet.of(PersonalColumn.SENDER_PHONE, PersonalColumn.RECEIVER_PHONE));
        for (int i = 0; i < before.size(); i++) {
            assertEquals(p.phone(before.phones().value(before.senderPhone(i))), after.phones().value(after.senderPhone(i)));
            assertEquals(before.names().value(before.senderName(i)), after.names().value(after.senderName(i)));
            assertEquals(before.addresses().value(before.senderAddress(i)), after.addresses().value(after.senderAddress(i)));
        }
        assertEquals(PersonalColumn.RECEIVER_ADDRESS, PersonalColumn.ofCsvName("receiver_address"));
        assertThrows(IllegalArgumentException.class, () -> PersonalColumn.ofCsvName("carrier"));
    }

    @Test
    void oneSidedChoiceRebuildsRowsAndAgreesWithTheDictionaryPath() {
        ShipmentTable before = Fixtures.table();
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        ShipmentTable all = p.apply(before); // dictionary path
        ShipmentTable senders = p.apply(before, EnumSet.of(PersonalColumn.SENDER_PHONE, PersonalColumn.SENDER_NAME,
                PersonalColumn.SENDER_ADDRESS, PersonalColumn.RECEIVER_ADDRESS)); // row path
        for (int i = 0; i < before.size(); i++) {
            assertEquals(all.phones().value(all.senderPhone(i)), senders.phones().value(senders.senderPhone(i)));
            assertEquals(before.phones().value(before.receiverPhone(i)), senders.phones().value(senders.receiverPhone(i)));
            assertEquals(all.names().value(all.senderName(i)), senders.names().value(senders.senderName(i)));
            assertEquals(before.names().value(before.receiverName(i)), senders.names().value(senders.receiverName(i)));
            assertEquals(all.addresses().value(all.receiverAddress(i)), senders.addresses().value(senders.receiverAddress(i)));
            assertEquals(before.shippedAt(i), senders.shippedAt(i));
            assertEquals(before.weightKg(i), senders.weightKg(i));
        }
    }

    @Test
    void noCollisionsAmongHundredThousandPhones() {
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            assertNull(seen.put(p.phone(Long.toString(13_800_000_000L + i)), i));
        }
    }

    private static void assertSameArcs(CompactGraph a, CompactGraph b) {
        assertEquals(a.nodeCount(), b.nodeCount());
        assertEquals(a.arcCount(), b.arcCount());
        for (int v = 0; v < a.nodeCount(); v++) {
            assertEquals(a.outEnd(v) - a.outStart(v), b.outEnd(v) - b.outStart(v));
            for (int e = a.outStart(v), f = b.outStart(v); e < a.outEnd(v); e++, f++) {
                assertEquals(a.target(e), b.target(f));
                assertEquals(a.weight(e), b.weight(f));
            }
        }
    }

    @Test
    void threadsAgree() throws Exception {
        Pseudonymizer p = pseudonymizer(KEY_TEXT);
        String[] out = new String[4];
        Thread[] ts = new Thread[4];
        for (int t = 0; t < 4; t++) {
            int k = t;
            ts[t] = new Thread(() -> out[k] = p.phone("13800138000"));
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertArrayEquals(new String[] {out[0], out[0], out[0], out[0]}, out);
        assertEquals(p.phone("13800138000"), out[0]);
    }
}

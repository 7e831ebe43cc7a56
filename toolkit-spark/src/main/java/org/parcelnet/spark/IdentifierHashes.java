package org.parcelnet.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Identifiers of shipments as 128-bit hashes (two XXH64 of the identifier's UTF-8 bytes), computed
 * from Spark's internal rows: the bytes of each identifier ({@code phone:…}, {@code address:…},
 * {@code name:…|phone}) are assembled in one reused buffer from the columns' UTF-8 bytes, so a
 * shipment costs no Java string, no encoding and no allocation but its output rows. Identical to
 * hashing {@link CaseLinkJob#identifierValues}'s strings' UTF-8 bytes with
 * {@link CaseLinkJob#identifierHash} (tested).
 */
final class IdentifierHashes {

    static final long SEED_A = 0x9E3779B97F4A7C15L;
    static final long SEED_B = 0xC2B2AE3D27D4EB4FL;

    private static final byte[] PHONE = "phone:".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ADDRESS = "address:".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NAME = "name:".getBytes(StandardCharsets.UTF_8);
    private static final byte BAR = '|';

    private IdentifierHashes() {
    }

    /**
     * The {@code (ha, hb)} rows of the identifiers of {@code rows} whose columns are sender phone,
     * receiver phone, sender and receiver address key, sender and receiver name (the last four
     * nullable: null or unused, no identifier), each shipment's repeats counted once (first slot
     * wins), and only those {@code filter} may hold (all when null).
     */
    static Iterator<InternalRow> of(Iterator<InternalRow> rows, HashFilter filter) {
        return new Iterator<>() {
            private byte[] buf = new byte[256];
            private final int[] start = new int[CaseLinkJob.IDENTIFIER_SLOTS];
            private final int[] length = new int[CaseLinkJob.IDENTIFIER_SLOTS];
            private final long[] ha = new long[CaseLinkJob.IDENTIFIER_SLOTS];
            private final long[] hb = new long[CaseLinkJob.IDENTIFIER_SLOTS];
            private int ready;
            private int next;

            @Override
            public boolean hasNext() {
                while (next == ready) {
                    if (!rows.hasNext()) {
                        return false;
                    }
                    fill(rows.next());
                }
                return true;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int s = next++;
                return new GenericInternalRow(new Object[] {ha[s], hb[s]});
            }

            private void fill(InternalRow r) {
                UTF8String senderPhone = r.getUTF8String(0);
                UTF8String receiverPhone = r.getUTF8String(1);
                int at = 0;
                int slots = 0;
                at = put(slots++, at, PHONE, senderPhone, null);
                at = put(slots++, at, PHONE, receiverPhone, null);
                at = put(slots++, at, ADDRESS, r.isNullAt(2) ? null : r.getUTF8String(2), null);
                at = put(slots++, at, ADDRESS, r.isNullAt(3) ? null : r.getUTF8String(3), null);
                at = put(slots++, at, NAME, r.isNullAt(4) ? null : r.getUTF8String(4), senderPhone);
                put(slots, at, NAME, r.isNullAt(5) ? null : r.getUTF8String(5), receiverPhone);
                ready = 0;
                next = 0;
                for (int s = 0; s < CaseLinkJob.IDENTIFIER_SLOTS; s++) {
                    if (length[s] < 0 || repeatsEarlier(s)) {
                        continue;
                    }
                    long a = XXH64.hashUnsafeBytes(buf, Platform.BYTE_ARRAY_OFFSET + start[s], length[s], SEED_A);
                    long b = XXH64.hashUnsafeBytes(buf, Platform.BYTE_ARRAY_OFFSET + start[s], length[s], SEED_B);
                    if (filter == null || filter.mightContain(a, b)) {
                        ha[ready] = a;
                        hb[ready] = b;
                        ready++;
                    }
                }
            }

            /** Only slots of one kind can be equal (the prefixes differ): compared by bytes. */
            private boolean repeatsEarlier(int s) {
                for (int q = 0; q < s; q++) {
                    if (length[q] == length[s] && Arrays.equals(buf, start[q], start[q] + length[q],
                            buf, start[s], start[s] + length[s])) {
                        return true;
                    }
                }
                return false;
            }

            /** Appends slot {@code s}'s bytes (prefix, value, and "|" + phone for a name); -1 length when absent. */
            private int put(int s, int at, byte[] prefix, UTF8String value, UTF8String phone) {
                if (value == null) {
                    length[s] = -1;
                    return at;
                }
                int n = prefix.length + value.numBytes() + (phone == null ? 0 : 1 + phone.numBytes());
                if (at + n > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(2 * buf.length, at + n));
                }
                start[s] = at;
                length[s] = n;
                System.arraycopy(prefix, 0, buf, at, prefix.length);
                int p = at + prefix.length;
                value.writeToMemory(buf, Platform.BYTE_ARRAY_OFFSET + p);
                p += value.numBytes();
                if (phone != null) {
                    buf[p++] = BAR;
                    phone.writeToMemory(buf, Platform.BYTE_ARRAY_OFFSET + p);
                }
                return at + n;
            }
        };
    }

    /**
     * A blocked Bloom filter over 128-bit hashes (Putze, Sanders, Singler, J. Exp. Algorithmics 14
     * (2009), doi:10.1145/1498698.1594230): the first hash picks a 512-bit block (one cache line), the
     * second sets seven bits in it, nine bits of the hash each. A lookup thus touches one cache line
     * instead of seven scattered words. With 12 bits per element the false-positive rate is about
     * 0.6 % (a standard filter of 10 bits: 1 %). Never misses an element added.
     */
    static final class HashFilter implements Serializable {

        private static final long serialVersionUID = 1L;
        private static final int WORDS_PER_BLOCK = 8;
        private static final int BITS_PER_ELEMENT = 12;
        private static final int PROBES = 7;

        private final long[] words;
        private final long blocks;

        /** An empty filter sized for {@code expected} elements. */
        HashFilter(long expected) {
            long b = Math.max(1, (Math.max(1, expected) * BITS_PER_ELEMENT + 511) / 512);
            if (b * WORDS_PER_BLOCK > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many elements for one filter: " + expected);
            }
            blocks = b;
            words = new long[(int) (b * WORDS_PER_BLOCK)];
        }

        private int base(long ha) {
            // the high 32 bits of ha scaled to the block count (no modulo bias worth a division)
            return (int) (((ha >>> 32) * blocks) >>> 32) * WORDS_PER_BLOCK;
        }

        void add(long ha, long hb) {
            int base = base(ha);
            for (int i = 0; i < PROBES; i++) {
                int bit = (int) (hb >>> (9 * i)) & 511;
                words[base + (bit >>> 6)] |= 1L << bit;
            }
        }

        boolean mightContain(long ha, long hb) {
            int base = base(ha);
            for (int i = 0; i < PROBES; i++) {
                int bit = (int) (hb >>> (9 * i)) & 511;
                if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** This filter with {@code other}'s elements added (same size); returns this. */
        HashFilter merge(HashFilter other) {
            if (other.words.length != words.length) {
                throw new IllegalArgumentException("filters of different sizes");
            }
            for (int i = 0; i < words.length; i++) {
                words[i] |= other.words[i];
            }
            return this;
        }
    }
}

package org.parcelnet.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/** Repeated values among many 64-bit values (hashes of ids), found by sorting rather than by aggregation. */
final class RepeatedLongs {

    private RepeatedLongs() {
    }

    /**
     * The values that occur more than once in a single-column table of longs, found by sorting: each
     * partition splits its values into {@code ranges} by value, sorts each range and sends it as one
     * array; each range's arrays are then sorted together and scanned for equal neighbours. Arrays
     * rather than a record per row: 8 bytes a row through the shuffle and no per-row hash map, where an
     * aggregation by value would shuffle every row (nearly all distinct) as a record of its own.
     * O(n log n) work, O(n / ranges) memory per task.
     */
    static JavaRDD<Long> of(Dataset<Row> values, int ranges) {
        return values.javaRDD().mapPartitionsToPair(rows -> {
            long[][] byRange = new long[ranges][16];
            int[] size = new int[ranges];
            while (rows.hasNext()) {
                long h = rows.next().getLong(0);
                int r = (int) Math.floorMod(h, (long) ranges);
                if (size[r] == byRange[r].length) {
                    byRange[r] = Arrays.copyOf(byRange[r], 2 * size[r]);
                }
                byRange[r][size[r]++] = h;
            }
            List<Tuple2<Integer, long[]>> out = new ArrayList<>(ranges);
            for (int r = 0; r < ranges; r++) {
                long[] sorted = Arrays.copyOf(byRange[r], size[r]);
                byRange[r] = null;
                Arrays.sort(sorted);
                out.add(new Tuple2<>(r, sorted));
            }
            return out.iterator();
        }).groupByKey(ranges).flatMap(range -> {
            int total = 0;
            for (long[] a : range._2()) {
                total += a.length;
            }
            long[] all = new long[total];
            int at = 0;
            for (long[] a : range._2()) {
                System.arraycopy(a, 0, all, at, a.length);
                at += a.length;
            }
            Arrays.sort(all);
            List<Long> repeats = new ArrayList<>();
            for (int i = 1; i < total; i++) {
                if (all[i] == all[i - 1] && (repeats.isEmpty() || repeats.get(repeats.size() - 1) != all[i])) {
                    repeats.add(all[i]);
                }
            }
            return repeats.iterator();
        });
    }
}

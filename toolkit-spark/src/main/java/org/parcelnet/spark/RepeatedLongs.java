package org.parcelnet.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/** Repeated values among many 64-bit values (hashes of ids), found by sorting rather than by aggregation. */
final class RepeatedLongs {

    private RepeatedLongs() {
    }

    /**
     * How many values a table holds, and which of them occur more than once (each once, ascending
     * within a range; ranges in order).
     */
    record Result(long values, long[] repeated) {
    }

    /**
     * The values that occur more than once in a single-column table of longs, and the number of
     * values, found by sorting: each partition splits its values into {@code ranges} by value, sorts
     * each range and sends it as one array; each range's arrays are then sorted together and scanned
     * for equal neighbours, and only the range's count and repeats reach the driver. Arrays rather
     * than a record per row: 8 bytes a row through the shuffle and no per-row hash map, where an
     * aggregation by value would shuffle every row (nearly all distinct) as a record of its own. The
     * count comes with the search so that a caller who needs both scans the table once (the first
     * scan of a persisted table is the one that fills it). O(n log n) work, O(n / ranges) memory per
     * task.
     */
    static Result of(Dataset<Row> values, int ranges) {
        List<Tuple2<Long, long[]>> perRange = values.javaRDD().mapPartitionsToPair(rows -> {
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
        }).groupByKey(ranges).map(range -> {
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
            long[] repeats = new long[0];
            int found = 0;
            for (int i = 1; i < total; i++) {
                if (all[i] == all[i - 1] && (found == 0 || repeats[found - 1] != all[i])) {
                    if (found == repeats.length) {
                        repeats = Arrays.copyOf(repeats, Math.max(4, 2 * found));
                    }
                    repeats[found++] = all[i];
                }
            }
            return new Tuple2<>((long) total, Arrays.copyOf(repeats, found));
        }).collect();
        long n = 0;
        int repeated = 0;
        for (Tuple2<Long, long[]> r : perRange) {
            n += r._1();
            repeated += r._2().length;
        }
        long[] all = new long[repeated];
        int at = 0;
        for (Tuple2<Long, long[]> r : perRange) {
            System.arraycopy(r._2(), 0, all, at, r._2().length);
            at += r._2().length;
        }
        return new Result(n, all);
    }
}

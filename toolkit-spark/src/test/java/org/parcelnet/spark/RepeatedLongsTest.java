package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The repeated values found by sorting are exactly those a count per value finds. */
class RepeatedLongsTest {

    private static Dataset<Row> table(List<Long> values, int partitions) {
        List<Row> rows = new ArrayList<>();
        values.forEach(v -> rows.add(RowFactory.create(v)));
        return TestSpark.get().createDataFrame(rows, new StructType().add("v", DataTypes.LongType, false))
                .repartition(partitions);
    }

    private static Set<Long> counted(List<Long> values) {
        Map<Long, Integer> n = new HashMap<>();
        values.forEach(v -> n.merge(v, 1, Integer::sum));
        Set<Long> out = new HashSet<>();
        n.forEach((v, c) -> {
            if (c > 1) {
                out.add(v);
            }
        });
        return out;
    }

    @Test
    void findsEveryRepeatOnceAcrossPartitionsAndRanges() {
        Random random = new Random(3);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextLong());
        }
        // repeats within a partition, across partitions, negative, extreme, and three times over
        for (long v : new long[] {5, 5, 5, 77, -3, Long.MIN_VALUE, Long.MAX_VALUE}) {
            values.add(v);
        }
        values.add(77L);
        values.add(-3L);
        values.add(Long.MIN_VALUE);
        values.add(Long.MAX_VALUE);
        values.add(values.get(123));
        Set<Long> expected = counted(values);
        assertEquals(6, expected.size());
        for (int ranges : new int[] {1, 3, 8}) {
            RepeatedLongs.Result r = RepeatedLongs.of(table(values, 4), ranges);
            assertEquals(values.size(), r.values(), "every value counted, ranges " + ranges);
            assertEquals(expected.size(), r.repeated().length, "each repeated value once, ranges " + ranges);
            Set<Long> found = new HashSet<>();
            for (long v : r.repeated()) {
                found.add(v);
            }
            assertEquals(expected, found, "ranges " + ranges);
        }
    }

    @Test
    void distinctValuesGiveNothing() {
        List<Long> values = new ArrayList<>();
        for (long i = -500; i < 500; i++) {
            values.add(i * 7919);
        }
        RepeatedLongs.Result r = RepeatedLongs.of(table(values, 3), 8);
        assertEquals(0, r.repeated().length);
        assertEquals(values.size(), r.values());
    }
}

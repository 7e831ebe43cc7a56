package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.parcelnet.io.Csv;

/** Lines written from internal rows equal those of {@link Csv#cell} joined by commas. */
class CsvBytesTest {

    private static final String[] CELLS = {
        "+8613800000001", "13800000001", "-5", "-", "+", "+1e5", "-2.5", "=SUM(A1)", "@x", "'a", "\tx", "\rx",
        " a", "a ", "a,b", "a\"b", "two\nlines", "Zoë", "北京市朝阳区", "", "+86 138", "-Infinity", "x'y", "a@b"
    };

    @Test
    void linesEqualTheCellRule() {
        Random random = new Random(9);
        DataType[] types = {DataTypes.StringType, DataTypes.StringType, DataTypes.LongType, DataTypes.IntegerType};
        List<InternalRow> rows = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String a = i % 50 == 0 ? null : CELLS[random.nextInt(CELLS.length)];
            String b = CELLS[random.nextInt(CELLS.length)];
            long n = random.nextLong();
            int k = random.nextInt();
            rows.add(new GenericInternalRow(new Object[] {a == null ? null : UTF8String.fromString(a),
                UTF8String.fromString(b), n, k}));
            want.add(Csv.cell(a) + "," + Csv.cell(b) + "," + n + "," + k);
        }
        List<String> got = new ArrayList<>();
        Iterator<InternalRow> it = CsvBytes.lines(rows.iterator(), types);
        while (it.hasNext()) {
            got.add(it.next().getUTF8String(0).toString());
        }
        assertEquals(want, got);
    }

    @Test
    void plainOnlyWhereTheCellRuleKeepsTheValue() {
        for (String c : CELLS) {
            if (CsvBytes.plain(UTF8String.fromString(c))) {
                assertEquals(c, Csv.cell(c), c);
            }
        }
    }
}

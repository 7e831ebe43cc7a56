package org.parcelnet.spark;

import java.util.Arrays;
import java.util.Iterator;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import org.parcelnet.io.Csv;

/**
 * CSV lines of a table of string, long and int columns, written from Spark's internal rows byte by
 * byte: a string cell that needs neither quoting nor neutralising (nearly every phone and id) is
 * copied as its UTF-8 bytes; any other goes through {@link Csv#cell}, so the lines are those
 * {@code Csv.cell(a) + "," + Csv.cell(b) + "," + n} gives (tested). A function over external rows
 * decoded every string to a Java string and encoded the line back, per row; on the tens of millions
 * of rows of the party graph that was a large part of writing it.
 */
final class CsvBytes {

    private CsvBytes() {
    }

    /** The rows of {@code table} (its partitions and order kept) as one-column CSV lines. */
    static Dataset<Row> lines(Dataset<Row> table) {
        StructType schema = table.schema();
        DataType[] types = new DataType[schema.size()];
        for (int i = 0; i < types.length; i++) {
            StructField f = schema.fields()[i];
            if (!f.dataType().equals(DataTypes.StringType) && !f.dataType().equals(DataTypes.LongType)
                    && !f.dataType().equals(DataTypes.IntegerType)) {
                throw new IllegalArgumentException("column " + f.name() + " is " + f.dataType());
            }
            types[i] = f.dataType();
        }
        org.apache.spark.rdd.RDD<InternalRow> lines = table.queryExecution().toRdd().toJavaRDD()
                .mapPartitions(it -> lines(it, types)).rdd();
        return ((org.apache.spark.sql.classic.SparkSession) table.sparkSession())
                .internalCreateDataFrame(lines, new StructType().add("value", DataTypes.StringType, false), false);
    }

    static Iterator<InternalRow> lines(Iterator<InternalRow> rows, DataType[] types) {
        // each column's kind decided once, not by comparing data types per cell
        boolean[] text = new boolean[types.length];
        boolean[] wide = new boolean[types.length];
        for (int c = 0; c < types.length; c++) {
            text[c] = types[c].equals(DataTypes.StringType);
            wide[c] = types[c].equals(DataTypes.LongType);
        }
        return new Iterator<>() {
            private byte[] buf = new byte[128];
            private int at;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public InternalRow next() {
                InternalRow r = rows.next();
                at = 0;
                for (int c = 0; c < text.length; c++) {
                    if (c > 0) {
                        put((byte) ',');
                    }
                    if (r.isNullAt(c)) {
                        continue;
                    }
                    if (text[c]) {
                        cell(r.getUTF8String(c));
                    } else if (wide[c]) {
                        ascii(Long.toString(r.getLong(c)));
                    } else {
                        ascii(Integer.toString(r.getInt(c)));
                    }
                }
                return new GenericInternalRow(new Object[] {UTF8String.fromBytes(Arrays.copyOf(buf, at))});
            }

            private void cell(UTF8String s) {
                if (plain(s)) {
                    room(s.numBytes());
                    s.writeToMemory(buf, Platform.BYTE_ARRAY_OFFSET + at);
                    at += s.numBytes();
                } else {
                    byte[] b = Csv.cell(s.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    room(b.length);
                    System.arraycopy(b, 0, buf, at, b.length);
                    at += b.length;
                }
            }

            private void ascii(String s) {
                room(s.length());
                for (int i = 0; i < s.length(); i++) {
                    buf[at++] = (byte) s.charAt(i);
                }
            }

            private void put(byte b) {
                room(1);
                buf[at++] = b;
            }

            private void room(int n) {
                if (at + n > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(2 * buf.length, at + n));
                }
            }
        };
    }

    /**
     * Whether {@link Csv#cell} leaves {@code s} as it is: not empty; no comma, quote or line break;
     * no space at either end; and not starting like a formula ({@code = + - @}, tab, carriage
     * return, apostrophe) unless it is a sign followed by digits only (a phone in international
     * form, which {@code Csv.cell} keeps as a plain number). Anything else is left to
     * {@code Csv.cell}, which also handles the rarer plain numbers this test does not recognise.
     */
    static boolean plain(UTF8String s) {
        int n = s.numBytes();
        if (n == 0) {
            return false;
        }
        byte first = s.getByte(0);
        if (first == ' ' || s.getByte(n - 1) == ' ') {
            return false;
        }
        if (first == '+' || first == '-') {
            if (n == 1) {
                return false;
            }
            for (int i = 1; i < n; i++) {
                byte c = s.getByte(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
        if (first == '=' || first == '@' || first == '\t' || first == '\r' || first == '\'') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            byte c = s.getByte(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}

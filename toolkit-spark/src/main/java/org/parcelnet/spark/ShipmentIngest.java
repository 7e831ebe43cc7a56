package org.parcelnet.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.SerializableConfiguration;
import org.parcelnet.io.InputException;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.roles.CourierStations;

/**
 * Reads, validates, normalises and (optionally) pseudonymises shipment files on the executors with
 * toolkit-core's own reader: each input file is one task, which reads it with
 * {@link ShipmentReader} (the same parser, validation, time parsing, phone and address
 * normalisation as a one-machine run, so the rows and rejects are exactly core's), applies
 * {@link Pseudonymizer} when a key is given, and hands the rows on under the explicit schema
 * {@link #SCHEMA}. A compressed file cannot be split anyway, so a large input is given as many part
 * files (a folder or a glob); one part is held in the task's memory while it is read (about 120
 * bytes per shipment, {@link ShipmentReader}).
 *
 * <p>Rejected rows (lenient mode) are written by the task that found them to
 * {@code rejectsDir/part-NNNNN.csv} ({@code line,column,reason,value}, core's format); the job
 * prefixes the file and gathers them into one {@code rejects.csv}. In strict mode the first bad row
 * stops the job with core's one-line message ({@code file:line:column: reason}).
 *
 * <p>Files from a distributed file system are copied to the executor's temporary folder first (the
 * core reader reads local files); messages still name the file as given.
 */
public final class ShipmentIngest {

    /**
     * Columns of a read shipment; {@code part} and {@code row} give the input order (file, row in file);
     * {@code sender_at_station} marks the rows whose sender address, as written, is a courier station's
     * ({@link CourierStations#stationRows} with {@link Settings#stationWords()}).
     */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("part", DataTypes.IntegerType, false),
        DataTypes.createStructField("row", DataTypes.IntegerType, false),
        DataTypes.createStructField("shipment_id", DataTypes.StringType, false),
        DataTypes.createStructField("shipped_at", DataTypes.LongType, false),
        DataTypes.createStructField("origin_province", DataTypes.StringType, false),
        DataTypes.createStructField("origin_city", DataTypes.StringType, false),
        DataTypes.createStructField("destination_province", DataTypes.StringType, false),
        DataTypes.createStructField("destination_city", DataTypes.StringType, false),
        DataTypes.createStructField("sender_phone", DataTypes.StringType, false),
        DataTypes.createStructField("receiver_phone", DataTypes.StringType, false),
        DataTypes.createStructField("sender_name", DataTypes.StringType, true),
        DataTypes.createStructField("receiver_name", DataTypes.StringType, true),
        DataTypes.createStructField("sender_address", DataTypes.StringType, true),
        DataTypes.createStructField("receiver_address", DataTypes.StringType, true),
        // CaseLinker.normalizeAddress of each address; null when nothing identifying is left
        DataTypes.createStructField("sender_address_key", DataTypes.StringType, true),
        DataTypes.createStructField("receiver_address_key", DataTypes.StringType, true),
        DataTypes.createStructField("carrier", DataTypes.StringType, true),
        DataTypes.createStructField("mode", DataTypes.StringType, true),
        DataTypes.createStructField("pieces", DataTypes.IntegerType, false),
        DataTypes.createStructField("weight_kg", DataTypes.DoubleType, true),
        DataTypes.createStructField("declared_goods", DataTypes.StringType, true),
        DataTypes.createStructField("flagged", DataTypes.BooleanType, false),
        // whether the sender's address as written is a courier station's (core's CourierStations.stationRows,
        // read before pseudonyms replace the addresses)
        DataTypes.createStructField("sender_at_station", DataTypes.BooleanType, false)
    });

    /**
     * What the engine reads and caches: {@link #SCHEMA} without the columns no job reads (carrier,
     * mode, weight, declared goods), and with each address as written only where its normalised key
     * cannot stand for it ({@code sender_address_raw}, {@code receiver_address_raw}: null whenever
     * {@link CaseLinker#normalizeAddress} of the key is the key itself, which is nearly always; an
     * exception is a string of Hangul jamo that a first normalisation leaves apart and a second
     * composes). Linking compares addresses only by their normalised form, so the key serves it; the
     * addresses as written were half of a shipment's cached bytes.
     */
    public static final StructType JOB_SCHEMA = new StructType(java.util.Arrays.stream(SCHEMA.fields())
            .filter(f -> !java.util.Set.of("carrier", "mode", "weight_kg", "declared_goods").contains(f.name()))
            .map(f -> f.name().endsWith("_address")
                    ? DataTypes.createStructField(f.name() + "_raw", f.dataType(), true) : f)
            .toArray(StructField[]::new));

    private ShipmentIngest() {
    }

    /**
     * What a task needs to read its file: core's read options as plain values (serialisable), the
     * pseudonym key's bytes, or null, and the words that mark a courier station's address (core's
     * {@code --station-words}; blank words are ignored, none: no row is a station's).
     */
    record Settings(boolean lenient, String zone, java.util.Map<String, String> columnMap, KeySource key,
                    List<String> stationWords) implements Serializable {

        Settings {
            stationWords = List.copyOf(stationWords);
        }

        /** Core's default station words ({@link CourierStations#DEFAULT_WORDS}). */
        Settings(boolean lenient, String zone, java.util.Map<String, String> columnMap, KeySource key) {
            this(lenient, zone, columnMap, key, CourierStations.DEFAULT_WORDS);
        }

        ShipmentReader.Options readOptions() {
            return ShipmentReader.Options.defaults().withLenient(lenient).withZone(java.time.ZoneId.of(zone))
                    .withColumnMap(java.util.Map.copyOf(columnMap));
        }
    }

    /**
     * The pseudonym key as the user gave it, for core's {@link PseudonymKey} to read on each executor:
     * a key file's raw bytes, or the text of the environment variable. Core keeps the key's bytes to
     * itself, so the executor rebuilds the key the way the driver did (a file's bytes go through
     * {@link PseudonymKey#fromFile} from an owner-only temporary file, deleted at once).
     */
    record KeySource(byte[] fileBytes, String text) implements Serializable {

        PseudonymKey open() throws IOException {
            if (text != null) {
                return PseudonymKey.fromText(text, PseudonymKey.ENV_VAR);
            }
            Path tmp = Files.createTempFile("parcelnet-key", ".bin",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, fileBytes);
                return PseudonymKey.fromFile(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        public String toString() {
            return "KeySource[hidden]";
        }
    }

    /**
     * The input files: {@code input} itself, or the files of a folder (sorted by name, hidden and
     * underscore-prefixed names skipped as Spark and Hadoop do), or the matches of a glob.
     */
    static List<String> listInputs(SparkSession spark, String input) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = p.getFileSystem(conf);
        List<String> out = new ArrayList<>();
        org.apache.hadoop.fs.FileStatus[] found = fs.globStatus(p);
        if (found == null || found.length == 0) {
            throw new InputException(input, "no such file");
        }
        for (org.apache.hadoop.fs.FileStatus s : found) {
            if (s.isDirectory()) {
                for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(s.getPath())) {
                    String name = f.getPath().getName();
                    if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                        out.add(f.getPath().toString());
                    }
                }
            } else {
                out.add(s.getPath().toString());
            }
        }
        if (out.isEmpty()) {
            throw new InputException(input, "no input files in the folder");
        }
        java.util.Collections.sort(out);
        return out;
    }

    /**
     * The shipments of {@code files} (one task per file) under {@link #SCHEMA}.
     *
     * @param names      the names messages and rejects use for each file (as the user gave them)
     * @param rejectsDir where each task writes its rejects ({@code part-NNNNN.csv}), a Hadoop path
     */
    static Dataset<Row> read(SparkSession spark, List<String> files, List<String> names, Settings settings,
                             String rejectsDir) {
        return read(spark, files, names, settings, rejectsDir, true);
    }

    /**
     * As {@link #read(SparkSession, List, List, Settings, String)}, under {@link #SCHEMA} when
     * {@code full}, else under {@link #JOB_SCHEMA}.
     */
    static Dataset<Row> read(SparkSession spark, List<String> files, List<String> names, Settings settings,
                             String rejectsDir, boolean full) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            parts.add(i);
        }
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        List<String> fileList = List.copyOf(files);
        List<String> nameList = List.copyOf(names);
        JavaRDD<InternalRow> rows = jsc.parallelize(parts, Math.max(1, parts.size())).mapPartitions(it -> {
            List<Iterator<InternalRow>> out = new ArrayList<>();
            while (it.hasNext()) {
                int part = it.next();
                out.add(readPart(part, fileList.get(part), nameList.get(part), settings, rejectsDir, conf.value(),
                        full));
            }
            return concat(out);
        });
        // internal rows straight into a DataFrame: the public route takes external rows and converts
        // every field of every row again
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(),
                full ? SCHEMA : JOB_SCHEMA, false);
    }

    private static <T> Iterator<T> concat(List<Iterator<T>> its) {
        return new Iterator<>() {
            int k;

            @Override
            public boolean hasNext() {
                while (k < its.size() && !its.get(k).hasNext()) {
                    k++;
                }
                return k < its.size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return its.get(k).next();
            }
        };
    }

    /** Reads one file with core's reader and streams its rows. Runs on an executor. */
    static Iterator<InternalRow> readPart(int part, String file, String name, Settings settings, String rejectsDir,
                                  Configuration conf, boolean full) throws IOException {
        Path local;
        Path scratch = null;
        URI uri = URI.create(file);
        if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
            local = uri.getScheme() == null ? Path.of(file) : Path.of(uri);
        } else {
            // core's reader takes a local file: copy the part, keeping its name (and so its .gz suffix)
            scratch = Files.createTempDirectory("parcelnet-part");
            local = scratch.resolve(new org.apache.hadoop.fs.Path(file).getName());
            org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(file);
            try (InputStream in = hp.getFileSystem(conf).open(hp)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ShipmentReader.Result r;
        try {
            r = ShipmentReader.read(local, settings.readOptions());
        } catch (InputException e) {
            // the message names the file as the user gave it, not a scratch copy
            throw new SparkJobException(e.getMessage().replace(local.toString(), name), 2);
        } finally {
            if (scratch != null) {
                Files.deleteIfExists(local);
                Files.deleteIfExists(scratch);
            }
        }
        if (r.stats().rowsRejected() > 0) {
            Path tmp = Files.createTempFile("parcelnet-rejects", ".csv");
            try {
                r.stats().writeRejects(tmp);
                org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(rejectsDir,
                        String.format("part-%05d.csv", part));
                FileSystem fs = target.getFileSystem(conf);
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(tmp.toUri()), target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        ShipmentTable t = r.table();
        // stations are recognised by their addresses as written, before pseudonyms replace them (as core's
        // analyze does); pseudonymising keeps the rows' order
        boolean[] atStation = CourierStations.stationRows(t, settings.stationWords());
        if (settings.key() != null) {
            PseudonymKey key = settings.key().open();
            t = new Pseudonymizer(key).apply(t);
            key.destroy();
        }
        return rows(part, t, full, atStation);
    }

    /**
     * The rows of a table under {@link #SCHEMA} ({@code full}) or {@link #JOB_SCHEMA}, lazily, as
     * Spark's internal rows: each dictionary entry (phone, name, address, place, carrier, goods) is
     * encoded to UTF-8 once rather than once per row, and no external row is converted field by
     * field. O(rows + dictionary entries); the encoded entries take about their UTF-8 size.
     *
     * @param atStation per row, whether its sender address is a courier station's
     */
    static Iterator<InternalRow> rows(int part, ShipmentTable t, boolean full, boolean[] atStation) {
        int n = t.size();
        UTF8String[] phones = encoded(t.phones());
        UTF8String[] names = encoded(t.names());
        UTF8String[] addresses = full ? encoded(t.addresses()) : null;
        // normalised address of each distinct address, computed once per dictionary entry
        UTF8String[] addressKey = new UTF8String[t.addresses().size()];
        // the address as written where its key cannot stand for it (JOB_SCHEMA), else null
        UTF8String[] addressRaw = new UTF8String[addressKey.length];
        for (int a = 0; a < addressKey.length; a++) {
            String written = t.addresses().value(a);
            String k = CaseLinker.normalizeAddress(written);
            addressKey[a] = k.isEmpty() ? null : UTF8String.fromString(k);
            addressRaw[a] = k.isEmpty() || CaseLinker.normalizeAddress(k).equals(k) ? null
                    : UTF8String.fromString(written);
        }
        UTF8String[] province = new UTF8String[t.placeCount()];
        UTF8String[] city = new UTF8String[province.length];
        for (int p = 0; p < province.length; p++) {
            Place place = t.place(p);
            province[p] = UTF8String.fromString(place.province());
            city[p] = UTF8String.fromString(place.city());
        }
        UTF8String[] carriers = full ? encoded(t.carriers()) : null;
        UTF8String[] goods = full ? encoded(t.goodsDictionary()) : null;
        int fields = (full ? SCHEMA : JOB_SCHEMA).size();
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public InternalRow next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                int row = i++;
                int o = t.originPlace(row);
                int d = t.destinationPlace(row);
                int sa = t.senderAddress(row);
                int ra = t.receiverAddress(row);
                Object[] v = new Object[fields];
                int f = 0;
                v[f++] = part;
                v[f++] = row;
                v[f++] = UTF8String.fromString(t.shipmentId(row));
                v[f++] = t.shippedAt(row);
                v[f++] = province[o];
                v[f++] = city[o];
                v[f++] = province[d];
                v[f++] = city[d];
                v[f++] = phones[t.senderPhone(row)];
                v[f++] = phones[t.receiverPhone(row)];
                v[f++] = at(names, t.senderName(row));
                v[f++] = at(names, t.receiverName(row));
                v[f++] = at(full ? addresses : addressRaw, sa);
                v[f++] = at(full ? addresses : addressRaw, ra);
                v[f++] = at(addressKey, sa);
                v[f++] = at(addressKey, ra);
                if (full) {
                    v[f++] = at(carriers, t.carrier(row));
                    v[f++] = t.mode(row) == null ? null : UTF8String.fromString(t.mode(row).name());
                }
                v[f++] = t.pieces(row);
                if (full) {
                    double w = t.weightKg(row);
                    v[f++] = Double.isNaN(w) ? null : w;
                    v[f++] = at(goods, t.goods(row));
                }
                v[f++] = t.flagged(row);
                v[f] = atStation[row];
                return new GenericInternalRow(v);
            }
        };
    }

    private static UTF8String[] encoded(org.parcelnet.model.StringDictionary d) {
        UTF8String[] out = new UTF8String[d.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = UTF8String.fromString(d.value(c));
        }
        return out;
    }

    private static UTF8String at(UTF8String[] values, int code) {
        return code < 0 ? null : values[code];
    }

}

package org.parcelnet.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * An output folder written as a unit, on any Hadoop file system: every file goes to a staging folder
 * beside the target ({@code .NAME.staging-UUID}), which is renamed to the target only when the whole
 * job succeeded; a failed job deletes its staging folder, and a killed job's staging folder is
 * removed by the next run into the same target. An existing target is replaced only when it holds
 * nothing but the files its {@code .parcelnet-manifest} lists (a folder ParcelNet wrote); anything
 * else is refused, as core's command line refuses it.
 *
 * <p>CSV files keep core's exact format: lines are formatted by the caller with core's
 * {@code Csv.cell}, Spark writes them as text part files in order, and the parts are concatenated
 * under the header into one file (a streamed copy, O(bytes) on the driver).
 */
final class OutputFolder implements AutoCloseable {

    static final String MANIFEST = ".parcelnet-manifest";

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final List<String> written = new ArrayList<>();
    private boolean committed;

    private OutputFolder(FileSystem fs, Path target, Path staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /** Claims {@code out}: checks it may be replaced, removes stale staging folders, creates a new one. */
    static OutputFolder open(Configuration conf, String out) throws IOException {
        Path target = new Path(out);
        FileSystem fs = target.getFileSystem(conf);
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
            // no hidden .crc checksum file beside each output: the folder holds only what the manifest lists
            fs = local.getRawFileSystem();
        }
        target = fs.makeQualified(target);
        checkReplaceable(fs, target);
        Path parent = target.getParent();
        String prefix = "." + target.getName() + ".staging-";
        if (fs.exists(parent)) {
            for (FileStatus s : fs.listStatus(parent)) {
                if (s.getPath().getName().startsWith(prefix)) {
                    fs.delete(s.getPath(), true);
                }
            }
        }
        Path staging = new Path(parent, prefix + UUID.randomUUID());
        if (!fs.mkdirs(staging)) {
            throw new IOException(staging + ": cannot create the staging folder");
        }
        return new OutputFolder(fs, target, staging);
    }

    private static void checkReplaceable(FileSystem fs, Path target) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        if (!fs.getFileStatus(target).isDirectory()) {
            throw new SparkJobException(target + ": exists and is not a folder; refusing to replace it", 2);
        }
        FileStatus[] files = fs.listStatus(target);
        if (files.length == 0) {
            return;
        }
        Path manifest = new Path(target, MANIFEST);
        Set<String> listed = new HashSet<>();
        if (fs.exists(manifest)) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(manifest), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        listed.add(line.trim());
                    }
                }
            }
        }
        for (FileStatus f : files) {
            String name = f.getPath().getName();
            if (!name.equals(MANIFEST) && !listed.contains(name)) {
                throw new SparkJobException(target + ": holds files ParcelNet did not write (" + name
                        + "); choose an empty or new folder", 2);
            }
        }
    }

    /** The staging folder (for part files a task writes itself). */
    Path staging() {
        return staging;
    }

    /** The file system of the output. */
    FileSystem fileSystem() {
        return fs;
    }

    /**
     * Writes {@code lines} (already formatted CSV rows, in order) as {@code name} under {@code header}.
     *
     * @return the number of data lines written
     */
    long writeCsv(String name, String header, Dataset<String> lines) throws IOException {
        Path parts = new Path(staging, "_parts-" + name);
        lines.write().mode(SaveMode.ErrorIfExists).text(parts.toString());
        long n = concatenate(name, header, partFiles(parts), false);
        fs.delete(parts, true);
        return n;
    }

    /** Part files of a folder in name order ({@code part-00000…}), markers skipped. */
    List<Path> partFiles(Path folder) throws IOException {
        if (!fs.exists(folder)) {
            return List.of();
        }
        FileStatus[] st = fs.listStatus(folder);
        Arrays.sort(st, (x, y) -> x.getPath().getName().compareTo(y.getPath().getName()));
        List<Path> out = new ArrayList<>();
        for (FileStatus s : st) {
            String n = s.getPath().getName();
            if (s.isFile() && n.startsWith("part-")) {
                out.add(s.getPath());
            }
        }
        return out;
    }

    /**
     * Concatenates {@code parts} into {@code name} under {@code header}; with {@code skipPartHeaders}
     * the first line of each part (its own header) is dropped. Returns the data lines.
     */
    long concatenate(String name, String header, List<Path> parts, boolean skipPartHeaders) throws IOException {
        return concatenate(name, header, parts, skipPartHeaders, null);
    }

    /**
     * As {@link #concatenate(String, String, List, boolean)}, prefixing each data line of part i with
     * {@code prefixes.get(i)} when {@code prefixes} is given.
     */
    long concatenate(String name, String header, List<Path> parts, boolean skipPartHeaders, List<String> prefixes)
            throws IOException {
        long lines = 0;
        try (OutputStream out = fs.create(new Path(staging, name), false)) {
            out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < parts.size(); i++) {
                try (InputStream in = fs.open(parts.get(i));
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    boolean first = true;
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (first && skipPartHeaders) {
                            first = false;
                            continue;
                        }
                        first = false;
                        String prefix = prefixes == null ? "" : prefixes.get(i);
                        out.write((prefix + line + "\n").getBytes(StandardCharsets.UTF_8));
                        lines++;
                    }
                }
            }
        }
        written.add(name);
        return lines;
    }

    /**
     * Writes {@code table} as the Parquet folder {@code name} (Spark's part files, in the table's
     * order), for readers that take columns with their types rather than CSV text.
     */
    void writeParquet(String name, Dataset<Row> table) {
        table.write().mode(SaveMode.ErrorIfExists).parquet(new Path(staging, name).toString());
        written.add(name);
    }

    /** Deletes a file written to the staging folder and drops it from the manifest. */
    void discard(String name) throws IOException {
        fs.delete(new Path(staging, name), false);
        written.remove(name);
    }

    /** Writes a small text file. */
    void writeText(String name, String content) throws IOException {
        try (OutputStream out = fs.create(new Path(staging, name), false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        written.add(name);
    }

    /**
     * Writes small text files into the sub-folder {@code folder} (file name → content, in order); the
     * manifest lists the folder.
     */
    void writeFolder(String folder, Map<String, String> files) throws IOException {
        Path dir = new Path(staging, folder);
        fs.mkdirs(dir);
        for (Map.Entry<String, String> e : files.entrySet()) {
            try (OutputStream out = fs.create(new Path(dir, e.getKey()), false)) {
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        written.add(folder);
    }

    /** Writes the manifest and swaps the staging folder in place of the target. */
    void commit() throws IOException {
        StringBuilder m = new StringBuilder();
        for (String name : written) {
            m.append(name).append('\n');
        }
        try (OutputStream out = fs.create(new Path(staging, MANIFEST), false)) {
            out.write(m.toString().getBytes(StandardCharsets.UTF_8));
        }
        for (FileStatus s : fs.listStatus(staging)) {
            String n = s.getPath().getName();
            if (!n.equals(MANIFEST) && !written.contains(n)) {
                fs.delete(s.getPath(), true);
            }
        }
        checkReplaceable(fs, target);
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
            throw new IOException(target + ": cannot move the finished output into place");
        }
        committed = true;
    }

    /** Removes the staging folder unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed && fs.exists(staging)) {
            fs.delete(staging, true);
        }
    }
}

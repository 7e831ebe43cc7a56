package org.parcelnet.table;

import java.io.IOException;
import java.nio.file.Path;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.progress.WorkerPool;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Writes Tablesaw tables as CSV files (UTF-8, header row, RFC 4180 quoting, spreadsheet-safe text cells), atomically. */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * Starts loading Tablesaw's {@code Table} class on a worker beside the caller. The class's first
     * use scans the class path for Tablesaw's readers and writers, about a second in the command-line
     * jar, and loads enough classes to cross the JVM's first metaspace threshold; when that came after
     * an analysis of millions of shipments, it also set off a full collection of a heap of several GB
     * (1.2 s on 4.31M shipments). Loaded at the start, it runs beside the read while the heap is small.
     */
    public static Preload preloadBeside() {
        WorkerPool worker = WorkerPool.beside("preload");
        return new Preload(worker,
                worker.submit(() -> Class.forName(Table.class.getName(), true, TableFiles.class.getClassLoader())));
    }

    /** A running {@link #preloadBeside() preload}; closing waits for it, so a class is never left half initialised. */
    public static final class Preload implements AutoCloseable {
        private final WorkerPool worker;
        private final WorkerPool.Pending<?> loaded;

        private Preload(WorkerPool worker, WorkerPool.Pending<?> loaded) {
            this.worker = worker;
            this.loaded = loaded;
        }

        @Override
        public void close() {
            try {
                loaded.get();
            } catch (IOException | RuntimeException | LinkageError e) {
                // nothing to do: a Tablesaw that fails to load fails again, and is reported, where it is used
            } finally {
                worker.close();
            }
        }
    }

    /**
     * Writes {@code table} to {@code target} through a temporary file and a rename. Result tables are
     * opened in spreadsheets, so text cells go through {@link Csv#cell} (a value a spreadsheet would
     * run as a formula gets a leading apostrophe); numeric and boolean columns are written unformatted,
     * as they are.
     */
    public static void writeCsv(Table table, Path target) throws IOException {
        int width = table.columnCount();
        boolean[] text = new boolean[width];
        for (int c = 0; c < width; c++) {
            ColumnType t = table.column(c).type();
            text[c] = t == ColumnType.STRING;
        }
        AtomicFiles.writeText(target, w -> {
            for (int c = 0; c < width; c++) {
                w.write(c == 0 ? "" : ",");
                w.write(Csv.cell(table.column(c).name()));
            }
            w.write('\n');
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    String v = table.getUnformatted(r, c);
                    w.write(text[c] ? Csv.cell(v) : Csv.quote(v));
                }
                w.write('\n');
            }
        });
    }

    /**
     * Writes {@code shipment_id,network} for every shipment, atomically. Streamed rather than built as
     * a table: at millions of shipments a column of unique ids would cost more than the rest of a
     * run's results together.
     */
    public static void writeNetworks(ShipmentTable shipments, int[] network, Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            w.write("shipment_id,network\n");
            for (int i = 0; i < shipments.size(); i++) {
                w.write(Csv.cell(shipments.shipmentId(i)));
                w.write(',');
                w.write(Integer.toString(network[i]));
                w.write('\n');
            }
        });
    }
}

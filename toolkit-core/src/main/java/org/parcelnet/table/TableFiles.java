package org.parcelnet.table;

import java.io.IOException;
import java.nio.file.Path;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.model.ShipmentTable;

import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;
import tech.tablesaw.io.csv.CsvWriter;

/** Writes Tablesaw tables as CSV files (UTF-8, header row, RFC 4180 quoting), atomically. */
public final class TableFiles {

    private TableFiles() {
    }

    /** Writes {@code table} to {@code target} through a temporary file and a rename. */
    public static void writeCsv(Table table, Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            CsvWriteOptions o = CsvWriteOptions.builder(w).header(true).lineEnd("\n").build();
            new CsvWriter().write(table, o);
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
                w.write(Csv.quote(shipments.shipmentId(i)));
                w.write(',');
                w.write(Integer.toString(network[i]));
                w.write('\n');
            }
        });
    }
}

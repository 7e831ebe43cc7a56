package org.parcelnet.table;

import java.io.IOException;
import java.nio.file.Path;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.model.ShipmentTable;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Writes Tablesaw tables as CSV files (UTF-8, header row, RFC 4180 quoting, spreadsheet-safe text cells), atomically. */
public final class TableFiles {

    private TableFiles() {
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

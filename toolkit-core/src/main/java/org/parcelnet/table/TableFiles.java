package org.parcelnet.table;

import java.io.IOException;
import java.nio.file.Path;

import org.parcelnet.io.AtomicFiles;

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
}

package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.SafeFileNames;
import org.parcelnet.table.TableFiles;

import tech.tablesaw.api.Table;

/**
 * One CSV file per region, plus {@value #INDEX} mapping each region name to its file. Region names
 * come from the input, so file names are made safe, unique and bounded by
 * {@link SafeFileNames#forNames}: two regions never share a file, and a long name never fails
 * the run.
 */
final class RegionFiles {

    /** The index file's name (reserved: no region gets it). */
    static final String INDEX = "index.csv";

    private RegionFiles() {
    }

    /** Writes {@code tables} (region → rows) into {@code dir}, and the index {@code region,file,rows}. */
    static void write(Map<String, Table> tables, Path dir) throws IOException {
        Map<String, String> names = SafeFileNames.forNames(tables.keySet(), ".csv", "index");
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            TableFiles.writeCsv(e.getValue(), dir.resolve(names.get(e.getKey())));
        }
        AtomicFiles.writeText(dir.resolve(INDEX), w -> {
            w.write("region,file,rows\n");
            for (Map.Entry<String, Table> e : tables.entrySet()) {
                w.write(Csv.cell(e.getKey()) + "," + Csv.cell(names.get(e.getKey())) + "," + e.getValue().rowCount() + "\n");
            }
        });
    }
}

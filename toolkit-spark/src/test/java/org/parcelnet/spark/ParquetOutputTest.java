package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.Csv;

/**
 * {@code --parquet}: the tables again as Parquet folders, holding exactly the rows of the CSV files
 * (compared as sorted lists: a Parquet reader may hand part files back in any order).
 */
class ParquetOutputTest {

    @TempDir
    Path dir;

    @Test
    void parquetTablesHoldTheCsvRows() throws IOException {
        Path out = dir.resolve("out");
        String mini = TestSpark.sampleData().resolve("shipments-mini.csv").toString();
        new SparkEngine(TestSpark.get()).analyze(ScaleOutRequest.of(mini, out.toString()).withParquet(true));

        List<String> manifest = new ArrayList<>(SparkEngine.OUTPUTS);
        manifest.addAll(SparkEngine.PARQUET_OUTPUTS);
        assertEquals(new java.util.TreeSet<>(manifest),
                new java.util.TreeSet<>(Files.readAllLines(out.resolve(OutputFolder.MANIFEST))));

        assertEquals(body(out.resolve("networks.csv")), lines(out.resolve("networks.parquet"),
                r -> Csv.cell(r.getString(0)) + "," + r.getInt(1)));
        assertEquals(body(out.resolve("communities.csv")), lines(out.resolve("communities.parquet"),
                r -> Csv.cell(r.getString(0)) + "," + r.getInt(1)));
        assertEquals(body(out.resolve("party_graph.csv")), lines(out.resolve("party_graph.parquet"),
                r -> Csv.cell(r.getString(0)) + "," + Csv.cell(r.getString(1)) + "," + r.getLong(2)));
    }

    private static List<String> body(Path csv) throws IOException {
        List<String> all = Files.readAllLines(csv);
        return all.subList(1, all.size()).stream().sorted().toList();
    }

    private static List<String> lines(Path parquet, java.util.function.Function<Row, String> format) {
        return TestSpark.get().read().parquet(parquet.toString()).collectAsList().stream().map(format).sorted().toList();
    }
}

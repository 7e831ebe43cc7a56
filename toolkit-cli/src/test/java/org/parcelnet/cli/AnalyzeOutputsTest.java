package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.table.ResultTables;
import org.parcelnet.table.TableFiles;

/** The streamed party tables of analyze write the bytes the Tablesaw tables they replace wrote. */
class AnalyzeOutputsTest {

    @TempDir
    Path dir;

    @Test
    void streamedCommunitiesAndTiersEqualTheTablesawTables() throws Exception {
        List<String> ids = new ArrayList<>(List.of("13800000000", "=HYPERLINK(\"x\")", "+86 138", "a,b", "say \"hi\"",
                "line\nbreak", " padded ", "寄件人", "-5", "@sum", "\ttab", "plain"));
        Random random = new Random(3);
        for (int i = 0; i < 70_000; i++) { // past the 64 KiB buffer, so it drains mid-row
            ids.add(Long.toString(13_000_000_000L + random.nextInt(1_000_000_000)) + (i % 7 == 0 ? "号" : ""));
        }
        int n = ids.size();
        int[] community = new int[n];
        int[] sent = new int[n];
        int[] received = new int[n];
        String[] tier = new String[n];
        String[] names = {"source", "transit", "distributor", "retailer", "=cmd"};
        for (int v = 0; v < n; v++) {
            community[v] = random.nextInt(v % 5 == 0 ? 10 : 2_000_000_000);
            sent[v] = random.nextInt(1000);
            received[v] = v == 3 ? -1 : random.nextInt(1000);
            tier[v] = random.nextInt(3) == 0 ? null : names[random.nextInt(names.length)];
        }
        Path expected = dir.resolve("expected.csv");
        Path actual = dir.resolve("actual.csv");
        TableFiles.writeCsv(ResultTables.communities(ids, community), expected);
        AnalyzeOutputs.writeCommunities(ids, community, actual);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), "communities.csv");
        TableFiles.writeCsv(ResultTables.tiers(ids, community, tier, sent, received), expected);
        AnalyzeOutputs.writeTiers(ids, community, tier, sent, received, actual);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), "tiers.csv");
    }
}

package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesDeleteTreeTest {

    @TempDir
    Path tmp;

    @Test
    void deletesNestedFoldersAndIgnoresAMissingOne() throws IOException {
        Path root = tmp.resolve("out");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/c.csv"), "x");
        Files.writeString(root.resolve("top.csv"), "y");

        AtomicFiles.deleteTree(root);
        assertFalse(Files.exists(root));
        AtomicFiles.deleteTree(root); // absent: no error
    }

    @Test
    void removesALinkWithoutFollowingIt() throws IOException {
        Path kept = tmp.resolve("kept");
        Files.createDirectories(kept);
        Files.writeString(kept.resolve("data.csv"), "z");
        Path root = tmp.resolve("out");
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("link"), kept);

        AtomicFiles.deleteTree(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.exists(kept.resolve("data.csv")));
    }
}

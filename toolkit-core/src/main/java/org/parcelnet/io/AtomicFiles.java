package org.parcelnet.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes files atomically: content goes to a temporary file in the target's folder, which is then
 * renamed over the target. A failure part-way leaves the previous file (or no file), never half a
 * file.
 */
public final class AtomicFiles {

    /** Writes to a stream. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes text. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes bytes produced by {@code body} to {@code target} atomically; parent folders are created. */
    public static void write(Path target, StreamBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName().toString(), ".tmp");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            makeReadable(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Temp files are created owner-only; a finished output gets the usual rw-r--r--. */
    private static void makeReadable(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }

    /** Writes UTF-8 text atomically; gzip-compressed when the name ends in {@code .gz}. */
    public static void writeText(Path target, TextBody body) throws IOException {
        boolean gzip = target.getFileName().toString().endsWith(".gz");
        write(target, out -> {
            OutputStream sink = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
            Writer w = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
            if (gzip) {
                ((GZIPOutputStream) sink).finish();
            }
        });
    }

    /** Writes a string atomically as UTF-8. */
    public static void writeString(Path target, String content) throws IOException {
        writeText(target, w -> w.write(content));
    }

    /**
     * Deletes a folder and everything under it, deepest first; a missing folder is not an error. A
     * symbolic link is removed, never followed.
     *
     * @throws IOException when an entry cannot be deleted
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

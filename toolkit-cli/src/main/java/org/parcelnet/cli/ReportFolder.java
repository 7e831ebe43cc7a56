package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a multi-file result as a unit: files go to a hidden staging folder beside the target, which
 * replaces the target only when everything was written. A failed run leaves the previous report
 * untouched; a rerun replaces it cleanly (no stale files from the earlier run remain). A target
 * folder that holds anything but a previous ParcelNet report ({@code summary.json} present) is
 * refused rather than deleted.
 */
final class ReportFolder {

    private ReportFolder() {
    }

    /** Creates the staging folder for {@code target}, after checking the target may be replaced. */
    static Path prepare(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException("--out " + target + " is a file, not a folder");
            }
            if (!isEmpty(abs) && !Files.exists(abs.resolve("summary.json"))) {
                throw new IllegalArgumentException("--out " + target + " holds other files and no previous report; "
                        + "choose an empty or new folder");
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".staging-");
        try {
            // Temporary folders are owner-only; a report folder gets the usual rwxr-xr-x.
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return staging;
    }

    /** Moves the finished staging folder into place, replacing a previous report. */
    static void commit(Path staging, Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path old = null;
        if (Files.exists(abs)) {
            old = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".old-");
            Files.delete(old);
            move(abs, old);
        }
        try {
            move(staging, abs);
        } catch (IOException e) {
            if (old != null) {
                move(old, abs);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes a staging folder after a failure. */
    static void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            System.err.println("parcelnet: could not remove " + staging + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes a folder and everything under it (no-op when absent). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A file-name-safe form of a region name (letters, digits, CJK kept; others become '_'). */
    static String safeFileName(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> sb.appendCodePoint(Character.isLetterOrDigit(cp) || cp == '-' ? cp : '_'));
        String s = sb.toString();
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}

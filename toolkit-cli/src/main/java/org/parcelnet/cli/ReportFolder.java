package org.parcelnet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.parcelnet.io.AtomicFiles;

/**
 * Output folders, written so that no user file is ever lost.
 *
 * <p>Every folder ParcelNet writes into gets a manifest, {@value #MANIFEST}: the relative paths of the
 * files ParcelNet wrote there, one per line. ParcelNet replaces or overwrites only files listed in
 * it:
 * <ul>
 * <li>{@code analyze} writes a whole report to a hidden staging folder beside the target, which
 * replaces the target only when everything was written (a failed run leaves the previous report
 * untouched, a rerun leaves no stale files). The target is replaced only when every file in it is
 * listed in its manifest; a folder holding anything else is refused before any input is read.</li>
 * <li>The other commands write their files into {@code --out} beside whatever is there
 * ({@link #claim}); a file of the same name that is not in the manifest is refused, never
 * overwritten.</li>
 * </ul>
 * Staging folders left by a run that was killed (their process is gone) are removed by the next run
 * into the same target, and a previous report that a killed run had moved aside is put back
 * ({@link #removeStaleStaging}).
 */
final class ReportFolder {

    /** The manifest's file name. */
    static final String MANIFEST = ".parcelnet-manifest";

    private static final String MANIFEST_HEADER = "# files written by ParcelNet in this folder; ParcelNet replaces only these";

    /** Infix of staging folder names: {@code .<target>.staging-<pid>-<random>}. */
    private static final String STAGING = ".staging-";

    /** Infix of a replaced report's name while the new one moves in: {@code .<target>.old-<pid>-<random>}. */
    private static final String OLD = ".old-";

    /** Staging folders of the old name form (no process id) are removed when older than this. */
    static final Duration STALE_WITHOUT_PID = Duration.ofHours(1);

    private ReportFolder() {
    }

    /**
     * Checks that {@code target} may be replaced by a report (absent, empty, or holding only files
     * listed in its manifest), removes stale staging folders of earlier killed runs, and creates the
     * staging folder.
     */
    static Path prepare(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        checkReplaceable(target, abs);
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        removeStaleStaging(abs);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + STAGING + ProcessHandle.current().pid() + "-");
        try {
            // Temporary folders are owner-only; a report folder gets the usual rwxr-xr-x.
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return staging;
    }

    /** Throws (exit 2) unless {@code abs} is absent, empty, or holds only files its manifest lists. */
    static void checkReplaceable(Path given, Path abs) throws IOException {
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(abs)) {
            throw new IllegalArgumentException("--out " + given + " is a file, not a folder");
        }
        if (Files.isSymbolicLink(abs)) {
            // Replacing it would replace the link, not the folder it points to: name the folder itself.
            throw new IllegalArgumentException("--out " + given + " is a symbolic link; give the folder it points to");
        }
        List<String> foreign = foreignFiles(abs);
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("--out " + given + " holds " + foreign.size() + " file(s) ParcelNet did not "
                    + "write (first: '" + foreign.get(0) + "'); nothing was changed: choose an empty or new folder");
        }
    }

    /**
     * Files and folders under {@code dir} that its manifest does not list, sorted (ParcelNet's own
     * temporary files and the manifest itself excepted). Empty when {@code dir} is empty.
     */
    static List<String> foreignFiles(Path dir) throws IOException {
        Set<String> listed = Files.exists(dir.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS) ? readManifest(dir) : legacyReport(dir);
        Set<String> listedDirs = new TreeSet<>();
        for (String f : listed) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                listedDirs.add(f.substring(0, i));
            }
        }
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = relative(dir, p);
                boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                boolean ours = isDir ? listedDirs.contains(rel) : listed.contains(rel) || rel.equals(MANIFEST)
                        || isOwnTempFile(rel, listed);
                if (!ours) {
                    foreign.add(rel + (isDir ? "/" : ""));
                }
            }
        }
        Collections.sort(foreign);
        return foreign;
    }

    private static final java.util.regex.Pattern LEGACY_REPORT_FILE = java.util.regex.Pattern.compile(
            "(report\\.html|summary\\.json|(networks|communities|tiers|routes|interdiction|leads|rings|rejects)\\.csv"
                    + "|leads/[^/]+\\.csv|rings/ring-[0-9]+\\.(graphml|gexf))");

    /**
     * The files of an {@code analyze} report written before reports had a manifest: its
     * {@code summary.json} says {@code "command": "analyze"}, and only the names such a report has
     * count as its files. Empty for any other folder.
     */
    private static Set<String> legacyReport(Path dir) throws IOException {
        Set<String> files = new TreeSet<>();
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(summary, LinkOption.NOFOLLOW_LINKS) || Files.size(summary) > (1 << 20)
                || !Files.readString(summary, StandardCharsets.UTF_8).contains("\"command\": \"analyze\"")) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = relative(dir, p);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && LEGACY_REPORT_FILE.matcher(rel).matches()) {
                    files.add(rel);
                }
            }
        }
        return files;
    }

    /** A temporary file of an atomic write of a listed file ({@code .<name><digits>.tmp}), left by a kill. */
    private static boolean isOwnTempFile(String rel, Set<String> listed) {
        int slash = rel.lastIndexOf('/');
        String name = rel.substring(slash + 1);
        if (!name.startsWith(".") || !name.endsWith(".tmp")) {
            return false;
        }
        String prefix = rel.substring(0, slash + 1);
        for (String f : listed) {
            String base = f.substring(f.lastIndexOf('/') + 1);
            if (f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0
                    && name.startsWith("." + base) && name.substring(base.length() + 1, name.length() - 4).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The files a folder's manifest lists (empty when it has none). */
    static Set<String> readManifest(Path dir) throws IOException {
        Path m = dir.resolve(MANIFEST);
        Set<String> listed = new TreeSet<>();
        if (Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    listed.add(line);
                }
            }
        }
        return listed;
    }

    private static void writeManifest(Path dir, Set<String> files) throws IOException {
        StringBuilder sb = new StringBuilder(MANIFEST_HEADER).append('\n');
        for (String f : files) {
            sb.append(f).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(MANIFEST), sb.toString());
    }

    /**
     * Prepares {@code out} for a command that writes {@code names} into it beside other files: the
     * folder is created when absent; a name that exists but is not in the manifest (a user's file) is
     * refused (exit 2) before anything is written; the names are added to the manifest.
     */
    static void claim(Path out, String... names) throws IOException {
        checkFolder(out);
        Path abs = out.toAbsolutePath().normalize();
        boolean created = !Files.exists(abs);
        Files.createDirectories(abs);
        Set<String> listed = readManifest(abs);
        boolean hadManifest = Files.exists(abs.resolve(MANIFEST));
        for (String name : names) {
            if (!listed.contains(name) && Files.exists(abs.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                if (created) {
                    Files.deleteIfExists(abs);
                }
                throw new IllegalArgumentException("--out " + out + ": " + name + " is there and ParcelNet did not write it; "
                        + "nothing was changed: move it or choose another folder");
            }
        }
        // Recorded only now: every name that exists from here on is listed or written by this command.
        synchronized (CLAIMS) {
            CLAIMS.add(new Claim(abs, created, hadManifest, new TreeSet<>(listed), List.of(names)));
        }
        Set<String> all = new TreeSet<>(listed);
        Collections.addAll(all, names);
        if (!all.equals(listed)) {
            writeManifest(abs, all);
        }
    }

    /** A folder claimed by the running command: what to undo if it fails before writing. */
    private record Claim(Path dir, boolean createdDir, boolean hadManifest, Set<String> listedBefore, List<String> names) {
    }

    private static final List<Claim> CLAIMS = new ArrayList<>();

    /** Forgets the claims of an earlier command (a new command line starts). */
    static void resetClaims() {
        synchronized (CLAIMS) {
            CLAIMS.clear();
        }
    }

    /**
     * Undoes the claims of a command that failed, so that a failed command leaves no trace: names it
     * never wrote leave the manifest again, a manifest it created and left empty is removed, and so is
     * a folder it created and left empty. Files it did write stay listed.
     */
    static void rollbackClaims() {
        List<Claim> claims;
        synchronized (CLAIMS) {
            claims = new ArrayList<>(CLAIMS);
            CLAIMS.clear();
        }
        Collections.reverse(claims);
        for (Claim c : claims) {
            try {
                if (!Files.isDirectory(c.dir())) {
                    continue;
                }
                Set<String> keep = new TreeSet<>(c.listedBefore());
                for (String n : c.names()) {
                    if (Files.exists(c.dir().resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                        keep.add(n);
                    }
                }
                if (keep.isEmpty() && !c.hadManifest()) {
                    Files.deleteIfExists(c.dir().resolve(MANIFEST));
                } else if (!keep.equals(readManifest(c.dir()))) {
                    writeManifest(c.dir(), keep);
                }
                if (c.createdDir() && isEmpty(c.dir())) {
                    Files.delete(c.dir());
                }
            } catch (IOException e) {
                // best effort: the command's own error is what the user needs to see
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Throws (exit 2) when {@code out} exists and is not a folder. */
    static void checkFolder(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
    }

    /**
     * Moves the finished staging folder into place, replacing a previous report. The manifest of the
     * new report lists every file in it; the target is checked again (a file may have been added to
     * it while the report was computed).
     */
    static void commit(Path staging, Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Set<String> written = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    written.add(relative(staging, p));
                }
            }
        }
        written.remove(MANIFEST);
        writeManifest(staging, written);
        checkReplaceable(target, abs);
        Path old = null;
        if (Files.exists(abs)) {
            old = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + OLD + ProcessHandle.current().pid() + "-");
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
            AtomicFiles.deleteTree(old);
        }
    }

    /** Deletes a staging folder after a failure. */
    static void discard(Path staging) {
        try {
            AtomicFiles.deleteTree(staging);
        } catch (IOException e) {
            System.err.println("parcelnet: could not remove " + staging + ": " + e.getMessage());
        }
    }

    /**
     * Removes the staging folders of earlier runs into {@code target} that can no longer finish: those
     * whose process (the id in the name) is not running, and those of the older name form without an
     * id that were last modified more than {@link #STALE_WITHOUT_PID} ago. Only folders named
     * {@code .<target name>.staging-*} beside the target are considered; a running run's folder is kept.
     * A previous report moved aside as {@code .<target name>.old-<pid>-*} by a run that is gone is
     * put back when the target is missing, else removed.
     *
     * @return the folders removed or put back
     */
    static List<Path> removeStaleStaging(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        List<Path> removed = new ArrayList<>();
        if (parent == null || !Files.isDirectory(parent)) {
            return removed;
        }
        // A run killed between its two moves left the previous report under the old name and no
        // target: put it back (the new report was incomplete or is lost with the staging folder).
        String oldPrefix = "." + abs.getFileName() + OLD;
        List<Path> olds = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(oldPrefix))) {
            s.forEach(olds::add);
        }
        for (Path p : olds) {
            String rest = p.getFileName().toString().substring(oldPrefix.length());
            int dash = rest.indexOf('-');
            if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            long pid = Long.parseLong(rest.substring(0, dash));
            if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.deleteTree(p);
            } else {
                move(p, abs);
            }
            removed.add(p);
        }
        String prefix = "." + abs.getFileName() + STAGING;
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            s.forEach(candidates::add);
        }
        Instant cutoff = Instant.now().minus(STALE_WITHOUT_PID);
        for (Path p : candidates) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String rest = p.getFileName().toString().substring(prefix.length());
            int dash = rest.indexOf('-');
            boolean stale;
            if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
                long pid = Long.parseLong(rest.substring(0, dash));
                stale = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
            } else {
                FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                stale = t.toInstant().isBefore(cutoff);
            }
            if (stale) {
                AtomicFiles.deleteTree(p);
                removed.add(p);
            }
        }
        return removed;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}

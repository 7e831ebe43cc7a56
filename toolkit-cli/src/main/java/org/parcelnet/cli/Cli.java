package org.parcelnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NoSuchFileException;

import org.parcelnet.io.InputException;

import picocli.CommandLine;

/**
 * Shared wiring of the command line: exit codes and one-line errors. Bad input
 * ({@link InputException}, {@link IllegalArgumentException}, missing files) exits 2; any other failure
 * exits 1. A stack trace is printed only when {@code PARCELNET_DEBUG} is set.
 */
public final class Cli {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a failure while running. */
    public static final int FAILURE = 1;
    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    /** A configured command line. */
    public static CommandLine commandLine() {
        ReportFolder.resetClaims();
        CommandLine cl = new CommandLine(new ParcelNetCommand());
        cl.setExecutionExceptionHandler(Cli::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        shareVersion(cl, new VersionProvider());
        return cl;
    }

    /** Gives every subcommand the top command's version, so that {@code -V} works at any level. */
    private static void shareVersion(CommandLine cl, CommandLine.IVersionProvider version) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null && sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(version);
            }
            shareVersion(sub, version);
        }
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        ReportFolder.rollbackClaims();
        if (System.getenv("PARCELNET_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        int code;
        String message;
        if (t instanceof InputException) {
            code = BAD_INPUT;
            message = t.getMessage();
        } else if (t instanceof NoSuchFileException) {
            code = BAD_INPUT;
            message = t.getMessage() + ": no such file";
        } else if (t instanceof AccessDeniedException) {
            code = BAD_INPUT;
            message = t.getMessage() + ": permission denied";
        } else if (t instanceof FileAlreadyExistsException f) {
            // createDirectories on a path that is a file (an --out folder given as a file)
            code = BAD_INPUT;
            message = f.getFile() + ": is a file, not a folder";
        } else if (t instanceof NotDirectoryException f) {
            code = BAD_INPUT;
            message = f.getFile() + ": not a folder";
        } else if (t instanceof FileSystemException f && f.getFile() != null) {
            code = FAILURE;
            message = "I/O error on " + f.getFile() + (f.getOtherFile() == null ? "" : " and " + f.getOtherFile())
                    + (f.getReason() == null ? "" : ": " + f.getReason());
        } else if (t instanceof IllegalArgumentException) {
            code = BAD_INPUT;
            message = t.getMessage();
        } else if (t instanceof IOException) {
            code = FAILURE;
            message = "I/O error: " + t.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            code = FAILURE;
            message = "out of memory: raise the heap with PARCELNET_JAVA_OPTS=-Xmx8g";
        } else {
            code = FAILURE;
            message = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        // the full path of the command that failed, e.g. "parcelnet convert openflights: ..."
        err.println(cl.getCommandSpec().qualifiedName() + ": " + message);
        err.flush();
        return code;
    }
}

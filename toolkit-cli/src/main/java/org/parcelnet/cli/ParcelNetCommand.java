package org.parcelnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code parcelnet} command line: one subcommand per job. Exit codes: 0 success, 1 failure while
 * running, 2 bad usage or bad input; errors are one line on stderr.
 */
@Command(name = "parcelnet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Graph analytics on shipment (parcel/waybill) networks.",
        subcommands = {
                CommandLine.HelpCommand.class,
                AnalyzeCommand.class,
                TrainCommand.class,
                GenerateCommand.class,
                StatsCommand.class,
                DesensitizeCommand.class,
                PathsCommand.class,
                CentralityCommand.class,
                InterdictCommand.class,
                ConvertCommand.class,
                CommunitiesCommand.class,
                LinkCommand.class, GraphalyticsCommand.class, DisruptCommand.class,
        })
public final class ParcelNetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code;
        try {
            code = execute(args);
        } catch (OutOfMemoryError e) {
            // Errors bypass picocli's exception handler: still one line and no stack trace.
            System.err.println("parcelnet: out of memory; raise the heap, e.g. PARCELNET_JAVA_OPTS=-Xmx8g");
            code = Cli.FAILURE;
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int execute(String... args) {
        return Cli.commandLine().execute(args);
    }
}

package io.sweepline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sweepline} command. Each subcommand is its own class; this one only wires them and
 * turns unexpected failures into one clear line and a non-zero exit, never a stack trace.
 */
@Command(name = "sweepline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Self-hosted hyperparameter sweeps; W&B sweep configs run unchanged.",
        subcommands = {ServerCommand.class, NodeCommand.class, SweepCommand.class, AgentCommand.class,
                LocalCommand.class, ValidateCommand.class, PreviewCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Initialize logging before any thread logs: SLF4J otherwise replays early calls with a warning.
        org.slf4j.LoggerFactory.getILoggerFactory();
        System.exit(execute(args));
    }

    /** Runs the CLI in-process with the process's streams and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests redirect its output and error writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("sweepline: " + Errors.oneLine(ex));
            return ExitCodes.FAILURE;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("sweepline: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

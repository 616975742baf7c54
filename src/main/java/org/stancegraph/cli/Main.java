package org.stancegraph.cli;

import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code stancegraph} command. Each subcommand is one class in this package and
 * calls the public entry point of one stage; this class only lists them.
 */
@Command(name = "stancegraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Load news articles into a knowledge graph of actors and the positions they state, and serve it over SPARQL.",
        subcommands = {
                CommandLine.HelpCommand.class,
                StartCommand.class,
                LoadCommand.class,
                BuildStoreCommand.class,
                ReextractCommand.class,
                CompactCommand.class,
                CheckCommand.class,
                EvaluateCommand.class,
                ExportCommand.class,
                ValidateCommand.class,
                ServeCommand.class,
                QueryCommand.class,
                StatsCommand.class,
                LinkCommand.class,
                DictionaryCommand.class,
                BenchCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::databaseInUse).execute(args);
    }

    /** Exit code of any command when another process holds the database. */
    static final int DATABASE_IN_USE = 4;

    /**
     * Every command that opens the database meets a running server the same way: a one-line
     * message and its own exit code instead of a stack trace. Other exceptions keep picocli's handling.
     */
    private static int databaseInUse(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof Store.InUseException inUse) {
            command.getErr().println(command.getCommandName() + ": " + inUse.getMessage());
            command.getErr().flush();
            return DATABASE_IN_USE;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

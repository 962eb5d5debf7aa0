package jgrad.examples;

import java.io.PrintStream;

/** One subcommand of {@code ./jgrad}. */
public interface Command {

    /** The word that selects it on the command line. */
    String name();

    /** Arguments, for the help text (e.g. "N"). */
    String usage();

    /** One line for {@code ./jgrad --help}. */
    String summary();

    /** Runs it; returns the process exit code. Bad arguments throw {@link UsageException}. */
    int run(String[] args, PrintStream out) throws Exception;
}

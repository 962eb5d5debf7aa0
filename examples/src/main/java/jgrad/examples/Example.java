package jgrad.examples;

import java.io.PrintStream;

/** One program of {@code ./jgrad example NAME}: a document's example reproduced on real data. */
interface Example {

    /** The word after {@code example}, e.g. "fashion-mnist". */
    String name();

    /** One line for the list of examples. */
    String summary();

    /**
     * Runs it with the arguments after its name (without {@code --report DIR}, which {@link ExampleCommand}
     * turns into {@code report}); returns the exit code. Bad arguments throw {@link UsageException}.
     */
    int run(String[] args, PrintStream out, ExampleReport report) throws Exception;

    /** Whether it fills the report hook; {@code --report} is refused for an example that does not. */
    default boolean reports() {
        return true;
    }
}

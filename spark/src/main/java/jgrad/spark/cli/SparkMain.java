package jgrad.spark.cli;

import java.io.PrintStream;
import java.util.List;

import jgrad.examples.Command;
import jgrad.examples.Main;

/**
 * The command line of the spark module, behind {@code ./jgrad spark-score|spark-train|spark-scale} and the job
 * jar's main class for {@code spark-submit}: the same option parsing, messages and exit codes as {@link Main}.
 * A task that failed on an executor reaches the driver wrapped in Spark's exceptions; the command reports the
 * jgrad error inside (a malformed row, a missing column) as if it had happened in one JVM.
 */
public final class SparkMain {

    static final List<Command> COMMANDS = List.of(new Unwrapping(new SparkScoreCommand()),
            new Unwrapping(new SparkTrainCommand()), new Unwrapping(new SparkScaleCommand()));

    private SparkMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, System.out, System.err, COMMANDS));
    }

    /** A command whose Spark failures are replaced by the error that caused them, when it is one of jgrad's. */
    private record Unwrapping(Command command) implements Command {
        @Override public String name() { return command.name(); }
        @Override public String usage() { return command.usage(); }
        @Override public String summary() { return command.summary(); }

        @Override
        public int run(String[] args, PrintStream out) throws Exception {
            try {
                return command.run(args, out);
            } catch (org.apache.spark.SparkException e) {
                throw cause(e);
            }
        }

        private static Exception cause(Exception e) {
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                        || t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException
                        || t instanceof jgrad.data.MalformedDataException) {
                    return (Exception) t;
                }
            }
            return e;
        }
    }
}

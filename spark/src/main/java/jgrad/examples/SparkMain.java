package jgrad.examples;

import java.util.List;

/**
 * The command line of the spark module, behind {@code ./jgrad spark-score|spark-train|spark-scale} and the job
 * jar's main class for {@code spark-submit}: the same option parsing, messages and exit codes as {@link Main}.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, System.out, System.err, List.of(new SparkScoreCommand())));
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import jgrad.backend.BadSettingException;

/** The command line behind {@code ./jgrad}: {@code ./jgrad COMMAND [ARGS]}, {@code ./jgrad --help}. */
public final class Main {

    private static final List<Command> COMMANDS = List.of(
            new DemoCommand(),
            new InfoCommand(),
            new GemmCommand(),
            new GoldenCommand(),
            new ExampleCommand(),
            new RecommendCommand(),
            new ScoreCommand(),
            new SentimentCommand(),
            new AnonymizeCommand(),
            new DpEpsilonCommand(),
            new SegmentCommand(),
            new SynthCommand(),
            new AbtestCommand(),
            new BanditCommand(),
            new UpliftCommand(),
            new RetentionCommand(),
            new CampaignCommand(),
            new CampaignRlCommand(),
            new ServeCommand(),
            new ServeBenchCommand(),
            new InteropCommand(),
            new FunnelCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command line and returns its exit status ({@link ExitCodes}). Nothing escapes as a stack
     * trace: every exception and error, out-of-memory included, becomes one message on {@code err}.
     */
    static int run(String[] arguments, PrintStream out, PrintStream err) {
        return run(arguments, out, err, COMMANDS);
    }

    /**
     * Runs a command line among {@code commands}: the spark module's launcher ({@code ./jgrad spark-score ...})
     * gives its own commands, which need Spark on the class path, and gets the same errors and exit codes.
     */
    public static int run(String[] arguments, PrintStream out, PrintStream err, List<Command> commands) {
        String[] args = arguments;
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            help(args.length == 0 ? err : out, commands);   // asked for: stdout; a bare ./jgrad is a usage error
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        try {
            JvmOptions.check();
            args = BackendOption.apply(args);
        } catch (UsageException e) {
            err.println("jgrad: " + e.getMessage());
            return e.getMessage().startsWith("no GPU") ? ExitCodes.NO_DEVICE : ExitCodes.USAGE;
        } catch (BadSettingException e) {
            err.println("jgrad: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException | LinkageError e) {
            err.println("jgrad: cannot start the backend: " + describe(e));
            return ExitCodes.NO_DEVICE;
        }
        if (args.length == 0) {
            help(err, commands);
            return 2;
        }
        String name = args[0];
        Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            err.println("jgrad: unknown command '" + args[0] + "'; ./jgrad --help lists the commands");
            return 2;
        }
        String prefix = "jgrad " + command.name() + ": ";
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out);
        } catch (UsageException e) {
            err.println(prefix + e.getMessage());
            err.println("usage: ./jgrad " + command.name() + " " + command.usage());
            return ExitCodes.USAGE;
        } catch (BadSettingException e) {
            err.println(prefix + e.getMessage());
            return ExitCodes.USAGE;
        } catch (TooLargeException e) {
            err.println(prefix + e.getMessage());
            return ExitCodes.TOO_LARGE;
        } catch (OutOfMemoryError e) {
            err.println(prefix + "out of memory: the data or sizes given need more than this JVM's "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap (give it more with JGRAD_JAVA_OPTS=-Xmx…,"
                    + " or use smaller inputs)");
            return ExitCodes.TOO_LARGE;
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException
                 | UnsupportedOperationException | jgrad.data.MalformedDataException e) {
            err.println(prefix + e.getMessage());
            return ExitCodes.FAILED;
        } catch (Throwable e) {
            err.println(prefix + "internal error, please report it: " + describe(e));
            return ExitCodes.INTERNAL;
        }
    }

    /** One line for an unexpected throwable: its kind and message, and those of its cause. */
    private static String describe(Throwable e) {
        String s = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return e.getCause() == null || e.getCause() == e ? s : s + " (caused by " + describe(e.getCause()) + ")";
    }

    private static void help(PrintStream out, List<Command> commands) {
        out.println("jgrad: a deep-learning engine in Java, and the personalized-marketing models on it.");
        out.println();
        out.println("usage: ./jgrad COMMAND [ARGS]");
        out.println();
        for (Command c : commands) {
            String call = c.name() + " " + c.usage();
            // a long call gets a line of its own, so the summaries stay in one column
            if (call.length() <= 28) {
                out.printf("  %-28s %s%n", call, c.summary());
            } else {
                out.printf("  %s%n  %-28s %s%n", call, "", c.summary());
            }
        }
        if (commands == COMMANDS) {
            out.println("  bench [JMH options]          run the JMH benchmarks (see bench/README.md)");
            out.println("  spark-score, spark-train, spark-scale  on Apache Spark (see the README's \"On Apache Spark\")");
        }
        out.println();
        out.println("Every command takes --backend scalar|simd|cuda|cuda-emu (default: simd where the Vector API is present).");
        out.println("JVM options: -Djgrad.backend=scalar|simd|auto, -Djgrad.threads=N (pass them in JGRAD_JAVA_OPTS)");
    }

    /** Parses a positive integer argument, or explains what was expected. */
    public static int positiveInt(String what, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the explanation
        }
        throw new UsageException(what + " must be a positive whole number, got '" + text + "'");
    }

    /** Parses a positive finite number, or explains what was expected. */
    public static double positiveNumber(String what, String text) {
        try {
            double v = Double.parseDouble(text);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the explanation
        }
        throw new UsageException(what + " must be a positive number, got '" + text + "'");
    }

    /** Parses a finite number ≥ 0, or explains what was expected. */
    static double nonNegativeNumber(String what, String text) {
        try {
            double v = Double.parseDouble(text);
            if (v >= 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the explanation
        }
        throw new UsageException(what + " must be a number ≥ 0, got '" + text + "'");
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jgrad.data.Ratings;
import jgrad.io.ModelFiles;
import jgrad.serve.ModelServer;
import jgrad.sequence.SequenceModel;
import jgrad.serve.ServeOptions;

/**
 * {@code ./jgrad serve [--model FILE] [--scorer FILE] [--data PATH] [--sequences DIR|FILE] [--port N] [--host ADDR] [--max-body BYTES]
 * [--max-k K] [--watch SECONDS] [--seconds N]}: recommendations ({@code GET /recommend?user=ID&k=K}) from a saved
 * MovieLens recommender (a next-item model reads each user's whole sequence from {@code --sequences}, by default
 * ml-100k-seq) and scores ({@code POST /score}) from a saved demo model, over HTTP, until stopped
 * (or for {@code --seconds}). {@code --watch} reloads when a model file changes; {@code POST /reload} does it on
 * demand.
 */
final class ServeCommand implements Command {

    private static final List<String> OPTIONS = List.of("--model", "--scorer", "--data", "--sequences", "--port", "--host",
            "--max-body", "--max-k", "--watch", "--seconds");

    @Override public String name() { return "serve"; }
    @Override public String usage() {
        return "[--model FILE] [--scorer FILE] [--data PATH] [--sequences DIR|FILE] [--port N] [--host ADDR] [--max-body BYTES] [--max-k K]"
                + " [--watch SECONDS] [--seconds N]";
    }
    @Override public String summary() { return "recommendations and scores over HTTP (/recommend, /score, /health, /metrics)"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, OPTIONS);
        if (!o.containsKey("--model") && !o.containsKey("--scorer")) {
            throw new UsageException("needs --model FILE (a saved MovieLens recommender), --scorer FILE (a model"
                    + " saved by ./jgrad demo --save FILE), or both");
        }
        Path model = o.containsKey("--model") ? ExampleOptions.path("--model", o.get("--model")) : null;
        Path scorer = o.containsKey("--scorer") ? ExampleOptions.path("--scorer", o.get("--scorer")) : null;
        ServeOptions options = options(o);
        Path sequences = o.containsKey("--sequences") ? ExampleOptions.path("--sequences", o.get("--sequences")) : null;
        if (sequences != null && o.containsKey("--data")) {
            throw new UsageException("give --data PATH (MovieLens ratings, for user-embedding models) or --sequences"
                    + " DIR|FILE (for next-item models), not both");
        }
        Ratings log = model == null || isSequenceModel(model) ? null
                : MovieLensFiles.open(o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null)
                        .ratings();
        try (ModelServer server = ModelServer.start(options, new ServedFiles(model, scorer, log, sequences))) {
            out.printf("serving %s on http://%s:%d  (GET /recommend?user=ID&k=10, POST /score, GET /health,"
                    + " GET /metrics, POST /reload)%n", server.current().version(),
                    options.address().getHostAddress(), server.port());
            if (o.containsKey("--watch")) {
                double seconds = Main.positiveNumber("--watch", o.get("--watch"));
                server.watch(watched(model, scorer), Duration.ofMillis((long) (seconds * 1000)), out::println);
            }
            out.flush();
            long limit = o.containsKey("--seconds") ? Main.positiveInt("--seconds", o.get("--seconds")) : 0;
            Thread.sleep(limit > 0 ? Duration.ofSeconds(limit) : Duration.ofDays(365_000));
        }
        return 0;
    }

    /** Whether the model file holds a next-item model, which reads sequences rather than the ratings log. */
    private static boolean isSequenceModel(Path model) throws java.io.IOException {
        return ModelFiles.exists(model) && ModelFiles.load(model) instanceof SequenceModel;
    }

    private static ServeOptions options(Map<String, String> o) {
        int port = o.containsKey("--port") ? port(o.get("--port")) : 8080;
        InetAddress host = o.containsKey("--host") ? host(o.get("--host")) : InetAddress.getLoopbackAddress();
        ServeOptions options = new ServeOptions(host, port, ServeOptions.DEFAULT_MAX_BODY_BYTES,
                ServeOptions.DEFAULT_MAX_K);
        if (o.containsKey("--max-body")) {
            options = options.withMaxBodyBytes(Main.positiveInt("--max-body", o.get("--max-body")));
        }
        if (o.containsKey("--max-k")) {
            options = options.withMaxK(Main.positiveInt("--max-k", o.get("--max-k")));
        }
        return options;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the range
        }
        throw new UsageException("--port must be a whole number in 0 … 65535 (0: any free port), got '" + text + "'");
    }

    private static InetAddress host(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new UsageException("--host '" + text + "' is not an address this machine can resolve");
        }
    }

    private static List<Path> watched(Path model, Path scorer) {
        List<Path> files = new ArrayList<>();
        if (model != null) {
            files.add(ModelFiles.weightsPath(model));
        }
        if (scorer != null) {
            files.add(ModelFiles.weightsPath(scorer));
        }
        return files;
    }
}

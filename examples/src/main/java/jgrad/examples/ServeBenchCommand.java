package jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import jgrad.io.ModelFiles;
import jgrad.serve.LoadGenerator;
import jgrad.serve.ModelServer;
import jgrad.serve.ServeOptions;

/**
 * {@code ./jgrad serve-bench --model FILE [--data PATH] [--clients 1,8,64] [--requests N] [--seconds S]
 * [--seed S]}: starts {@code serve} on a free loopback port in this JVM and measures top-10
 * {@code /recommend} answers at each number of concurrent clients: throughput, the client-side p50 and p99
 * latency, and errors. Users are drawn (seeded) from those the model was trained on. The clients run on the
 * same cores as the server, so the numbers are the whole round trip on this machine; the server's own
 * quantiles (from reading the request to sending the answer, over each row's last 4,096 requests) are shown
 * beside them.
 */
final class ServeBenchCommand implements Command {

    @Override public String name() { return "serve-bench"; }
    @Override public String usage() {
        return "--model FILE [--data PATH] [--clients 1,8,64] [--requests N] [--seconds S] [--seed S]";
    }
    @Override public String summary() { return "throughput and p50/p99 latency of serve's /recommend at 1, 8, 64 clients"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--data", "--clients", "--requests",
                "--seconds", "--seed"));
        if (!o.containsKey("--model")) {
            throw new UsageException("needs --model FILE (a MovieLens recommender, e.g. from ./jgrad example neumf"
                    + " --save FILE)");
        }
        Path model = ExampleOptions.path("--model", o.get("--model"));
        int requests = o.containsKey("--requests") ? Main.positiveInt("--requests", o.get("--requests")) : 20_000;
        double seconds = o.containsKey("--seconds") ? Main.positiveNumber("--seconds", o.get("--seconds")) : 30;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 1;
        int[] clientCounts = clients(o.getOrDefault("--clients", "1,8,64"));
        var ml = MovieLensFiles.open(o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null);
        ServedFiles files = new ServedFiles(model, null, ml.ratings());
        int[] users = shuffledUsers(model, ml.userCount(), seed);
        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0), files)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            out.printf("serve-bench: %s, top-10 /recommend on loopback, %d requests or %.0f s per row; %s%n",
                    server.current().version(), requests, seconds, cpu());
            LoadGenerator.run(base, i -> path(users, i), 8, Math.min(requests, 2000), Duration.ofSeconds(20));   // warm-up
            out.printf("load average before: %s%n", loadAverage());
            out.println("clients  requests  errors     req/s   p50 ms   p99 ms   server p50 ms   server p99 ms");
            int failed = 0;
            for (int clients : clientCounts) {
                LoadGenerator.Report r = LoadGenerator.run(base, i -> path(users, i), clients, requests,
                        Duration.ofMillis((long) (seconds * 1000)));
                double serverP50 = server.metrics().latencySeconds("/recommend", 0.5) * 1e3;
                double serverP99 = server.metrics().latencySeconds("/recommend", 0.99) * 1e3;
                out.printf(Locale.ROOT, "%7d  %8d  %6d  %8.0f  %7.2f  %7.2f  %14.2f  %14.2f%n", clients, r.requests(),
                        r.errors(), r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), serverP50, serverP99);
                if (r.errors() > 0) {
                    out.println("  first error: " + r.firstError());
                    failed++;
                }
            }
            out.printf("load average after: %s%n", loadAverage());
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private static String path(int[] users, int i) {
        return "/recommend?user=" + users[i % users.length] + "&k=10";
    }

    /** The users the model was trained on (all of them when its file does not list them), shuffled by seed. */
    private static int[] shuffledUsers(Path model, int userCount, long seed) throws IOException {
        Optional<Set<Integer>> trained = TrainedUsers.of(ModelFiles.preprocessing(model));
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= userCount; id++) {
            if (trained.isEmpty() || trained.get().contains(id)) {
                ids.add(id);
            }
        }
        int[] users = ids.stream().mapToInt(Integer::intValue).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = users.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = users[i];
            users[i] = users[j];
            users[j] = t;
        }
        return users;
    }

    private static int[] clients(String text) {
        String[] parts = text.split(",");
        int[] counts = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            counts[i] = Main.positiveInt("--clients", parts[i].trim());
            if (counts[i] > 1024) {
                throw new UsageException("--clients: at most 1024 concurrent clients, got " + counts[i]);
            }
        }
        return counts;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("CPU unknown")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "CPU unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package jgrad.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load test: {@code clients} clients, each sending its next GET as soon as the previous answer
 * arrived, until {@code requests} were sent or {@code timeLimit} passed. Latency is measured by the client,
 * from sending to the whole answer read (so it includes the loopback and the client's own work, on the
 * same cores). An answer other than 200, or a request that fails, is an error.
 */
public final class LoadGenerator {

    /** What a run measured; latencies in milliseconds, quantiles by the nearest-rank rule. */
    public record Report(int clients, int requests, int errors, double seconds, double requestsPerSecond,
            double p50Millis, double p99Millis, String firstError) {
    }

    private LoadGenerator() {
    }

    /** Runs the test against {@code base} (e.g. {@code http://127.0.0.1:8080}); request i asks {@code path(i)}. */
    public static Report run(URI base, IntFunction<String> path, int clients, int requests, Duration timeLimit)
            throws InterruptedException {
        if (clients < 1 || requests < 1) {
            throw new IllegalArgumentException("a load test needs at least 1 client and 1 request, got " + clients
                    + " and " + requests);
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    // the deadline is checked before a request is taken, so every request taken is sent
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= requests) {
                            return;
                        }
                        latencies[i] = send(http, base.resolve(path.apply(i)), errors, firstError);
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a load-test client failed: " + e.getCause(), e.getCause());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = Math.min(next.get(), requests);
        long[] measured = Arrays.stream(latencies, 0, done).filter(l -> l > 0).sorted().toArray();
        return new Report(clients, done, errors.get(), seconds, done / seconds,
                quantileMillis(measured, 0.5), quantileMillis(measured, 0.99), firstError.get());
    }

    /** One request's latency in nanoseconds; 0 when it failed. */
    private static long send(HttpClient http, URI uri, AtomicInteger errors, AtomicReference<String> firstError) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, uri + " → " + answer.statusCode() + " " + answer.body());
                return 0;
            }
            return Math.max(1, System.nanoTime() - t0);
        } catch (java.io.IOException e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, uri + " → " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static double quantileMillis(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[ServeMetrics.nearestRank(q, sorted.length)] / 1e6;
    }
}

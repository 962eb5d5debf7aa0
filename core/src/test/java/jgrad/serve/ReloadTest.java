package jgrad.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swapping the models while requests are in flight, and failing to. */
class ReloadTest {

    /** A source that serves model generation n at its n-th load, or fails when told to. */
    private static final class Generations implements ModelSource {
        final AtomicInteger loads = new AtomicInteger();
        volatile String failure;
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public ServingModels load() throws IOException {
            if (failure != null) {
                throw new IOException(failure);
            }
            int generation = loads.incrementAndGet();
            double offset = 100 * generation;   // generation g scores every item 100·g higher
            return new ServingModels(ServeFixtures.served(ServeFixtures.gated(offset, entered, gate), "gen" + generation),
                    null, "generation " + generation);
        }
    }

    @Test
    void requestsInFlightFinishOnTheOldModelAndNewOnesUseTheNew() throws Exception {
        Generations source = new Generations();
        CountDownLatch entered1 = new CountDownLatch(1);
        CountDownLatch gate1 = new CountDownLatch(1);
        source.entered = entered1;   // generation 1 holds these two: its scoring waits at gate1
        source.gate = gate1;
        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0), source)) {
            CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(() -> get(server, "/recommend?user=2&k=1"));
            assertTrue(entered1.await(10, TimeUnit.SECONDS), "the request never reached the model");
            source.entered = new CountDownLatch(0);
            source.gate = new CountDownLatch(0);   // generation 2 does not wait
            Http.Answer reload = Http.post(server, "/reload", null, "");
            assertEquals(200, reload.status(), reload.body());
            assertEquals("generation 2", reload.json().get("version"));
            // user 2 scores item 6 as 2·6 = 12, plus 100 per generation
            assertEquals(200.0 + 12, firstScore(Http.get(server, "/recommend?user=2&k=1")));
            assertFalse(inFlight.isDone(), "the request on generation 1 should still be waiting");
            gate1.countDown();
            Http.Answer old = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(200, old.status(), old.body());
            assertEquals("gen1", old.json().get("model"));
            assertEquals(100.0 + 12, firstScore(old));
            assertEquals(1, server.reloads());
        }
    }

    @Test
    void aFailedReloadKeepsTheOldModelAndSaysWhy() throws Exception {
        Generations source = new Generations();
        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0), source)) {
            source.failure = "model.safetensors: checksum mismatch (the file was edited or damaged)";
            Http.Answer reload = Http.post(server, "/reload", null, "");
            assertEquals(422, reload.status(), reload.body());
            String error = (String) reload.json().get("error");
            assertTrue(error.contains("reload failed, still serving generation 1"), error);
            assertTrue(error.contains("checksum mismatch"), error);
            Http.Answer after = Http.get(server, "/recommend?user=2&k=1");
            assertEquals(200, after.status());
            assertEquals("gen1", after.json().get("model"));
            assertEquals("generation 1", Http.get(server, "/health").json().get("version"));
            assertEquals(0, server.reloads());
        }
    }

    @Test
    void manyRequestsDuringManyReloadsAllSucceed() throws Exception {
        Generations source = new Generations();
        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0), source)) {
            CompletableFuture<LoadGenerator.Report> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return LoadGenerator.run(Http.uri(server, "/"), i -> "/recommend?user=" + (1 + i % 2) + "&k=3",
                            8, 600, Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            int swaps = 0;
            while (!load.isDone() && swaps < 50) {
                assertTrue(server.reload().swapped());
                swaps++;
            }
            LoadGenerator.Report report = load.get(60, TimeUnit.SECONDS);
            assertEquals(0, report.errors(), report.firstError());
            assertEquals(600, report.requests());
            assertTrue(swaps > 0);
        }
    }

    @Test
    void aWatchedFileThatChangesIsReloaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.safetensors");
        Files.writeString(file, "first");
        Generations source = new Generations();
        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0), source)) {
            List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
            server.watch(List.of(file), Duration.ofMillis(20), log::add);
            Thread.sleep(100);
            Files.writeString(file, "second, longer");   // the size changes even where the clock is coarse
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((server.reloads() == 0 || log.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);       // the count moves before the watcher's line is logged: wait for both
            }
            assertEquals(1, server.reloads());
            assertEquals("now serving generation 2", log.getFirst());
        }
    }

    private static double firstScore(Http.Answer a) {
        Map<?, ?> first = (Map<?, ?>) ((List<?>) a.json().get("items")).getFirst();
        return ((Number) first.get("score")).doubleValue();
    }

    private static Http.Answer get(ModelServer server, String path) {
        try {
            return Http.get(server, path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

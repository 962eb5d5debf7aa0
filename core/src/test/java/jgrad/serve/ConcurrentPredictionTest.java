package jgrad.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.recsys.Ncf;
import jgrad.recsys.Recommender;

/**
 * Predictions from many threads at once equal the single-threaded ones, bit for bit: the models hold no
 * per-call state, so sharing them between request threads is safe. Also the bounded loopback load test.
 */
class ConcurrentPredictionTest {

    private static final int USERS = 40;
    private static final int ITEMS = 300;

    private static Ncf model() {
        Ncf m = new Ncf(Ncf.Kind.NEUMF, USERS, ITEMS, 8, 8, new int[] {16, 8, 4}, DType.F32, new SplittableRandom(5));
        SplittableRandom rnd = new SplittableRandom(6);   // spread the weights so that rankings differ by user
        m.parameters().values().forEach(t -> {
            for (int i = 0; i < t.numel(); i++) {
                t.storage().set(t.offset() + i, rnd.nextDouble(-1, 1));
            }
        });
        return m;
    }

    @Test
    void scoresFromManyThreadsEqualSingleThreadedOnes() throws Exception {
        Ncf ncf = model();
        for (Recommender model : List.of(ncf, ncf.forServing())) {
            double[][] alone = new double[USERS][];
            for (int u = 0; u < USERS; u++) {
                alone[u] = model.scoreItems(u);
            }
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<double[]>> answers = new ArrayList<>();
                for (int r = 0; r < 10 * USERS; r++) {
                    int user = (r * 7) % USERS;
                    answers.add(pool.submit(() -> model.scoreItems(user)));
                }
                for (int r = 0; r < answers.size(); r++) {
                    assertArrayEquals(alone[(r * 7) % USERS], answers.get(r).get(), 0.0,
                            model.getClass().getSimpleName() + ", request " + r);
                }
            }
        }
    }

    @Test
    void aBoundedLoadTestOnLoopbackHasNoErrorsAndTheSameAnswers() throws Exception {
        Ncf ncf = model();
        ServedRecommender served = ServedRecommender.of(ncf.forServing(), "ncf", 1, new int[USERS][], null);
        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0),
                () -> new ServingModels(served, null, "test"))) {
            LoadGenerator.Report r = LoadGenerator.run(Http.uri(server, "/"),
                    i -> "/recommend?user=" + (1 + i % USERS) + "&k=10", 16, 400, Duration.ofSeconds(60));
            assertEquals(0, r.errors(), r.firstError());
            assertEquals(400, r.requests());
            assertTrue(r.p50Millis() > 0 && r.p50Millis() <= r.p99Millis(), r.toString());
            assertEquals(400, server.metrics().count("/recommend", 200));
            // and an answer under load is the single-threaded ranking
            for (int user = 1; user <= USERS; user += 13) {
                int[] expected = ncf.recommend(user - 1, 10, new int[0]);
                List<?> items = (List<?>) Http.get(server, "/recommend?user=" + user + "&k=10").json().get("items");
                int[] got = items.stream().mapToInt(i -> ((Number) ((Map<?, ?>) i).get("item")).intValue() - 1).toArray();
                assertArrayEquals(expected, got, "user " + user);
            }
        }
    }
}

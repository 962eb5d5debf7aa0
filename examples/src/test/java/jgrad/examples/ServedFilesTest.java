package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.campaign.bank.BankScorer;
import jgrad.data.csv.Table;
import jgrad.io.Json;
import jgrad.io.ModelFiles;
import jgrad.sequence.SasRec;
import jgrad.sequence.SequenceFiles;
import jgrad.serve.ModelServer;
import jgrad.serve.ServeOptions;

/**
 * The demo's saved model served from its file: /score gives the probabilities {@code score} computes, and a
 * model file replaced by a damaged one at reload is refused, naming the file, while the old model serves on; a
 * saved next-item model recommends what it would recommend itself.
 */
class ServedFilesTest {

    @Test
    void scoresTheDemoModelAndSurvivesADamagedFileAtReload(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("bank");
        Run demo = Run.of("demo", "--epochs", "1", "--save", model.toString());
        assertEquals(0, demo.code(), demo.err());
        Table clients = BankClients.load(null);
        List<String> lines = Files.readAllLines(Path.of(BankClients.class.getResource(BankClients.RESOURCE).toURI()));
        String csv = String.join("\n", lines.subList(0, 4)) + "\n";    // the header and the first three clients
        BankScorer direct = BankScorer.load(model);
        double[] expected = direct.score(clients.select(new int[] {0, 1, 2}));

        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0), new ServedFiles(null, model, null))) {
            HttpClient http = HttpClient.newHttpClient();
            URI score = URI.create("http://127.0.0.1:" + server.port() + "/score");
            assertArrayEquals(expected, scores(http, score, csv), 0.0);

            byte[] good = Files.readAllBytes(dir.resolve("bank.safetensors"));
            byte[] damaged = good.clone();
            damaged[damaged.length - 5] ^= 0x40;                       // one bit of one weight
            Files.write(dir.resolve("bank.safetensors"), damaged);
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(422, reload.statusCode(), reload.body());
            String error = (String) ((Map<?, ?>) Json.parse(reload.body())).get("error");
            assertTrue(error.contains("reload failed, still serving bank.safetensors"), error);
            assertTrue(error.contains("integrity check failed"), error);
            assertArrayEquals(expected, scores(http, score, csv), 0.0);  // the old model answers on
        }
    }

    /**
     * A saved SASRec served with the histories of a {@code user item} file: /recommend gives the items and scores of
     * the model's own {@code recommend} after the user's whole sequence, the same from 8 threads at once, and 404
     * for a user the file does not hold.
     */
    @Test
    void servesASequenceModelFromEachUsersWholeSequence(@TempDir Path dir) throws Exception {
        StringBuilder pairs = new StringBuilder();
        for (int u = 1; u <= 6; u++) {
            for (int t = 0; t < 4 + u; t++) {
                pairs.append(u).append(' ').append(1 + (u * 3 + t * 5) % 17).append('\n');
            }
        }
        Path sequences = Files.writeString(dir.resolve("pairs.txt"), pairs);
        Path saved = dir.resolve("sasrec");
        SasRec model = new SasRec(17, 8, 6, 2, 1, 0.2, DType.F32, new SplittableRandom(5));
        ModelFiles.save(model, saved);
        int[] history = SequenceFiles.read(sequences, new SplittableRandom(0)).sequence(3 - 1);
        int[] expected = model.recommend(history, 4);
        double[] expectedScores = model.scores(new int[][] {history})[0];

        try (ModelServer server = ModelServer.start(ServeOptions.loopback(0),
                new ServedFiles(saved, null, null, sequences))) {
            HttpClient http = HttpClient.newHttpClient();
            URI user3 = URI.create("http://127.0.0.1:" + server.port() + "/recommend?user=3&k=4");
            List<?> items = (List<?>) ((Map<?, ?>) Json.parse(get(http, user3, 200))).get("items");
            assertEquals(4, items.size());
            for (int r = 0; r < 4; r++) {
                Map<?, ?> item = (Map<?, ?>) items.get(r);
                assertEquals(expected[r], ((Number) item.get("item")).intValue(), "rank " + (r + 1));
                assertEquals(expectedScores[expected[r]], ((Number) item.get("score")).doubleValue(), 1e-6);
            }
            String first = get(http, user3, 200);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    answers.add(pool.submit(() -> get(http, user3, 200)));
                }
                for (Future<String> a : answers) {
                    assertEquals(first, a.get());
                }
            } finally {
                pool.shutdownNow();
            }
            String unknown = get(http, URI.create("http://127.0.0.1:" + server.port() + "/recommend?user=7"), 404);
            assertTrue(unknown.contains("unknown user") && !unknown.contains("7"), unknown);
        }
    }

    private static String get(HttpClient http, URI uri, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        return r.body();
    }

    private static double[] scores(HttpClient http, URI uri, String csv) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return ((List<?>) ((Map<?, ?>) Json.parse(r.body())).get("scores")).stream()
                .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}

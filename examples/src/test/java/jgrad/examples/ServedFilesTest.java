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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.data.csv.Table;
import jgrad.io.Json;
import jgrad.serve.ModelServer;
import jgrad.serve.ServeOptions;

/**
 * The demo's saved model served from its file: /score gives the probabilities {@code score} computes, and a
 * model file replaced by a damaged one at reload is refused, naming the file, while the old model serves on.
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

    private static double[] scores(HttpClient http, URI uri, String csv) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return ((List<?>) ((Map<?, ?>) Json.parse(r.body())).get("scores")).stream()
                .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}

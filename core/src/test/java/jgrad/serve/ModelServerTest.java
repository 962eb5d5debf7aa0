package jgrad.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints' answers, and every refusal as a 4xx with a JSON error. */
class ModelServerTest {

    private ModelServer server;

    @BeforeEach
    void start() throws Exception {
        ServingModels models = new ServingModels(ServeFixtures.served(ServeFixtures.linear(0), "toy"),
                ServeFixtures.rowScorer(), "v1");
        server = ModelServer.start(ServeOptions.loopback(0).withMaxBodyBytes(200).withMaxK(4), () -> models);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recommendsTheBestUnseenItemsWithTheirScores() throws Exception {
        // user 1 (dense 0) scores item i (dense i-1) as i; items 6 and 4 are seen: 5, 3, 2 remain on top.
        Http.Answer a = Http.get(server, "/recommend?user=1&k=3");
        assertEquals(200, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/json"));
        Map<?, ?> body = a.json();
        assertEquals(1L, body.get("user"));
        assertEquals("toy", body.get("model"));
        List<?> items = (List<?>) body.get("items");
        assertEquals(List.of(5L, 3L, 2L), items.stream().map(i -> ((Map<?, ?>) i).get("item")).toList());
        assertEquals(List.of(5L, 3L, 2L), items.stream().map(i -> ((Map<?, ?>) i).get("score")).toList());
        // user 2 (dense 1) has seen nothing and scores item i as 2i; k defaults to 10 and caps at the 6 items.
        List<?> all = (List<?>) Http.get(server, "/recommend?user=2").json().get("items");
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), all.stream().map(i -> ((Map<?, ?>) i).get("item")).toList());
        assertEquals(12L, ((Map<?, ?>) all.get(0)).get("score"));
    }

    @Test
    void refusesBadRecommendRequestsWithJsonErrors() throws Exception {
        assertError(404, "unknown user: ", Http.get(server, "/recommend?user=9"));
        assertError(404, "unknown user: ", Http.get(server, "/recommend?user=0"));
        assertError(404, "the user was not in the data", Http.get(server, "/recommend?user=3"));
        assertError(400, "'k' must be in 1 … 4, got 5", Http.get(server, "/recommend?user=1&k=5"));
        assertError(400, "'k' must be in 1 … 4, got 0", Http.get(server, "/recommend?user=1&k=0"));
        assertError(400, "'k' must be a whole number, got '2.5'", Http.get(server, "/recommend?user=1&k=2.5"));
        assertError(400, "'user' must be a whole number", Http.get(server, "/recommend?user=99999999999"));
        assertError(400, "missing query parameter 'user'", Http.get(server, "/recommend?k=3"));
        assertError(400, "'user' is given twice", Http.get(server, "/recommend?user=1&user=2"));
        String raw = Http.raw(server, "GET /recommend?user=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        // the JDK's server refuses a URI that is not valid itself, before any handler: a 400, without a trace
        assertTrue(raw.startsWith("HTTP/1.1 400") && !raw.contains("\tat "), raw);
        assertError(405, "/recommend takes GET, not POST", Http.post(server, "/recommend?user=1", null, ""));
        assertError(404, "no endpoint /elsewhere", Http.get(server, "/elsewhere"));
    }

    @Test
    void scoresJsonRowsAndCsvAlike() throws Exception {
        Http.Answer json = Http.post(server, "/score", "application/json",
                "[{\"x\": 1.5, \"colour\": \"red\"}, {\"x\": 10, \"colour\": \"blue;green\"}]");
        assertEquals(200, json.status(), json.body());
        assertEquals(List.of(4.0, 20.0), doubles(json.json().get("scores")));
        Http.Answer wrapped = Http.post(server, "/score", "application/json; charset=utf-8",
                "{\"rows\": [{\"colour\": \"red\", \"x\": 0}]}");
        assertEquals(List.of(1.0), doubles(wrapped.json().get("scores")), wrapped.body());
        Http.Answer csv = Http.post(server, "/score", "text/csv", "colour;x;extra\nred;1.5;z\nblue;10;z\n");
        assertEquals(200, csv.status(), csv.body());
        assertEquals(doubles(json.json().get("scores")), doubles(csv.json().get("scores")));
        assertEquals(2L, csv.json().get("rows"));
    }

    @Test
    void refusesBadScoreBodiesWithJsonErrors() throws Exception {
        assertError(400, "not JSON", Http.post(server, "/score", "application/json", "[{\"x\": 1"));
        assertError(400, "JSON row 2 has no 'colour'", Http.post(server, "/score", "application/json",
                "[{\"x\": 1, \"colour\": \"red\"}, {\"x\": 2}]"));
        assertError(400, "JSON row 1 is not an object", Http.post(server, "/score", "application/json", "[3]"));
        assertError(400, "array of row objects", Http.post(server, "/score", "application/json", "{\"x\": 1}"));
        assertError(400, "the CSV body:2: column 'x'", Http.post(server, "/score", "text/csv", "x;colour\nabc;red\n"));
        assertError(400, "the CSV body:2: column 'x'", Http.post(server, "/score", "text/csv", "x;colour\n101;red\n"));   // out of range
        assertError(400, "no column 'colour'", Http.post(server, "/score", "text/csv", "x\n1\n"));
        assertError(400, "holds no rows", Http.post(server, "/score", "text/csv", "x;colour\n"));
        assertError(413, "larger than the limit of 200 bytes", Http.post(server, "/score", "text/csv",
                "x;colour\n" + "1;red\n".repeat(40)));
        assertError(415, "Content-Type must be application/json or text/csv",
                Http.post(server, "/score", "text/plain", "x;colour\n1;red\n"));
        assertError(405, "/score takes POST, not GET", Http.get(server, "/score"));
    }

    @Test
    void healthAndMetricsDescribeTheServer() throws Exception {
        Map<?, ?> health = Http.get(server, "/health").json();
        assertEquals("ok", health.get("status"));
        assertEquals("toy", health.get("recommender"));
        assertEquals("toy scorer", health.get("scorer"));
        assertEquals("v1", health.get("version"));
        for (int i = 0; i < 3; i++) {
            Http.get(server, "/recommend?user=1");
        }
        Http.get(server, "/recommend?user=9");
        Http.Answer metrics = metricsOnceCounted(4);
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        String text = metrics.body();
        assertTrue(text.contains("jgrad_requests_total{endpoint=\"/recommend\",status=\"200\"} 3\n"), text);
        assertTrue(text.contains("jgrad_requests_total{endpoint=\"/recommend\",status=\"404\"} 1\n"), text);
        assertTrue(text.contains("# TYPE jgrad_request_seconds summary"), text);
        assertTrue(text.contains("jgrad_request_seconds{endpoint=\"/recommend\",quantile=\"0.99\"} "), text);
        assertTrue(text.contains("jgrad_request_seconds_count{endpoint=\"/recommend\"} 4\n"), text);
        assertEquals(3, server.metrics().count("/recommend", 200));
    }

    /**
     * The metrics once the handlers have counted {@code requests} answers of /recommend: a handler counts its
     * request after the answer is sent, so a client can ask for the metrics before the last count lands.
     */
    private Http.Answer metricsOnceCounted(int requests) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Http.Answer metrics = Http.get(server, "/metrics");
        while (!metrics.body().contains("jgrad_request_seconds_count{endpoint=\"/recommend\"} " + requests + "\n")
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
            metrics = Http.get(server, "/metrics");
        }
        return metrics;
    }

    @Test
    void aTakenPortIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> ModelServer.start(
                ServeOptions.loopback(server.port()), server::current));
        assertTrue(e.getMessage().contains(":" + server.port() + ": the port is in use"), e.getMessage());
    }

    @Test
    void anEndpointWithoutItsModelIs404() throws Exception {
        try (ModelServer onlyScores = ModelServer.start(ServeOptions.loopback(0),
                () -> new ServingModels(null, ServeFixtures.rowScorer(), "scores only"))) {
            assertError(404, "no recommender is loaded", Http.get(onlyScores, "/recommend?user=1"));
        }
    }

    private static List<Double> doubles(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    /** A refused user id is never echoed: not in the answer, so not in any log that keeps answers. */
    @Test
    void refusalsNeverRepeatTheUserId() throws Exception {
        for (String id : new String[] {"987654321", "-987654321", "alice%40example.com", "99999999999"}) {
            Http.Answer a = Http.get(server, "/recommend?user=" + id);
            assertTrue(a.status() == 404 || a.status() == 400, a.body());
            String raw = java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(a.body().contains(raw.replace("-", "")), "the id in: " + a.body());
        }
        assertFalse(Http.get(server, "/recommend?user=3").body().contains("3 "), "the untrained user's id is named");
    }

    private static void assertError(int status, String words, Http.Answer a) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        Map<?, ?> body = a.json();
        assertEquals((long) status, body.get("status"));
        String message = (String) body.get("error");
        assertTrue(message.contains(words), "expected '" + words + "' in: " + message);
        assertFalse(a.body().contains("\tat "), "a stack trace in: " + a.body());
    }
}

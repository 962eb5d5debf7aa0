package jgrad.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jgrad.data.csv.Table;

/**
 * The server's endpoints. Every answer goes through {@link #answer}: it times the request, turns an
 * {@link ApiException} into its 4xx JSON error and any other failure into a one-line 500, and counts it.
 */
final class Endpoints {

    /** What an endpoint does with one exchange, given the snapshot of models read at its start. */
    private interface Handler {
        void handle(HttpExchange exchange, ServingModels models) throws IOException;
    }

    private static final Set<String> PATHS = Set.of("/recommend", "/score", "/health", "/metrics", "/reload");

    private final ModelServer server;
    private final ServeOptions options;

    Endpoints(ModelServer server, ServeOptions options) {
        this.server = server;
        this.options = options;
    }

    void register(HttpServer http) {
        // one context for all: a path outside PATHS is a 404 with a JSON error, like every other refusal
        http.createContext("/", this::answer);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String endpoint = PATHS.contains(path) ? path : "other";
        int status;
        try {
            ServingModels models = server.current();   // read once: the request finishes on this snapshot
            Handler handler = route(exchange, path);
            handler.handle(exchange, models);
            status = exchange.getResponseCode();
        } catch (ApiException e) {
            status = e.status();
            Answers.error(exchange, status, e.getMessage());
        } catch (IOException e) {
            status = 499;   // the client went away mid-answer: nothing left to tell it
        } catch (RuntimeException | OutOfMemoryError e) {
            status = 500;
            Answers.error(exchange, status, "internal error: " + ModelServer.describe(e));
        } finally {
            exchange.close();
        }
        server.metrics().record(endpoint, status, System.nanoTime() - start);
    }

    private Handler route(HttpExchange exchange, String path) {
        String method = exchange.getRequestMethod();
        Handler handler;
        String allowed;
        switch (path) {
            case "/recommend" -> { handler = this::recommend; allowed = "GET"; }
            case "/score" -> { handler = this::score; allowed = "POST"; }
            case "/health" -> { handler = this::health; allowed = "GET"; }
            case "/metrics" -> { handler = this::metrics; allowed = "GET"; }
            case "/reload" -> { handler = this::reload; allowed = "POST"; }
            default -> throw ApiException.notFound("no endpoint " + Requests.abbreviate(path) + "; there are "
                    + String.join(", ", PATHS.stream().sorted().toList()));
        }
        if (!method.equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new ApiException(405, path + " takes " + allowed + ", not " + Requests.abbreviate(method));
        }
        return handler;
    }

    private void recommend(HttpExchange exchange, ServingModels models) throws IOException {
        ServedRecommender recommender = models.recommender();
        if (recommender == null) {
            throw ApiException.notFound("no recommender is loaded (this server only scores rows)");
        }
        Map<String, String> params = Requests.query(exchange);
        int user = Requests.idParam(params, "user");
        int k = Requests.intParam(params, "k", 10, 1, options.maxK());
        ServedRecommender.Ranking ranking = recommender.recommend(user, k);
        List<Object> items = new ArrayList<>(ranking.items().length);
        for (int r = 0; r < ranking.items().length; r++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", ranking.items()[r]);
            item.put("score", ranking.scores()[r]);
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("model", recommender.name());
        body.put("items", items);
        Answers.json(exchange, 200, body);
    }

    private void score(HttpExchange exchange, ServingModels models) throws IOException {
        RowScorer scorer = models.scorer();
        if (scorer == null) {
            throw ApiException.notFound("no row scorer is loaded (this server only recommends)");
        }
        byte[] body = Requests.body(exchange, options.maxBodyBytes());
        Table rows = ScoreBodies.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body, scorer);
        double[] scores = scorer.score(rows);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", scorer.name());
        answer.put("rows", scores.length);
        answer.put("scores", scores);
        Answers.json(exchange, 200, answer);
    }

    private void health(HttpExchange exchange, ServingModels models) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("recommender", models.recommender() == null ? null : models.recommender().name());
        body.put("scorer", models.scorer() == null ? null : models.scorer().name());
        body.put("version", models.version());
        body.put("reloads", server.reloads());
        Answers.json(exchange, 200, body);
    }

    private void metrics(HttpExchange exchange, ServingModels models) throws IOException {
        Answers.text(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", server.metrics().prometheusText());
    }

    private void reload(HttpExchange exchange, ServingModels models) throws IOException {
        Requests.body(exchange, options.maxBodyBytes());   // drained, so the connection can be reused
        ModelServer.Reload outcome = server.reload();
        if (!outcome.swapped()) {
            throw new ApiException(422, outcome.message());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reloaded", true);
        body.put("version", server.current().version());
        Answers.json(exchange, 200, body);
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.backend.Backends;
import jgrad.privacy.dp.PrivateMatrixFactorization;
import jgrad.privacy.dp.PrivateMatrixFactorization.Point;
import jgrad.privacy.dp.PrivateMatrixFactorization.Settings;
import jgrad.report.figures.PrivacyFigures;

/**
 * {@code ./jgrad example movie-dp}: biased MF on MovieLens 100K u1 trained with DP-SGD per rating at each
 * {@code --epsilons} (δ 1e-5) beside the non-private run of the same loop; prints the privacy/utility table and
 * writes it as an SVG plot with {@code --svg FILE}.
 */
final class MovieDpExample implements Example {

    private static final List<String> OPTIONS = List.of("--data", "--epochs", "--seed", "--epsilons", "--batch",
            "--clip", "--lr", "--l2", "--d", "--svg");

    @Override public String name() { return "movie-dp"; }
    @Override public String summary() {
        return "biased MF on ML-100K u1 with DP-SGD per rating: test RMSE at --epsilons 1,3,10 beside the non-private run";
    }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        Map<String, String> given = OptionPairs.parse(args, OPTIONS);
        double[] epsilons = given.containsKey("--epsilons") ? epsilons(given.get("--epsilons")) : new double[] {1, 3, 10};
        Path svg = given.containsKey("--svg") ? ExampleOptions.path("--svg", given.get("--svg")) : null;
        String[] shared = given.entrySet().stream().filter(e -> List.of("--data", "--epochs", "--seed").contains(e.getKey()))
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
        ExampleOptions o = ExampleOptions.parse(shared, List.of("--data", "--epochs", "--seed"), 10, 1);
        Settings s = new Settings(given.containsKey("--d") ? Main.positiveInt("--d", given.get("--d")) : 32,
                given.containsKey("--batch") ? Main.positiveInt("--batch", given.get("--batch")) : 4096,
                given.containsKey("--clip") ? Main.positiveNumber("--clip", given.get("--clip")) : 1.0,
                given.containsKey("--lr") ? Main.positiveNumber("--lr", given.get("--lr")) : 20,
                0.9,
                given.containsKey("--l2") ? Main.positiveNumber("--l2", given.get("--l2")) : 1e-2,
                o.epochs(), 1e-5, o.seed());
        MovieRatings data = MovieRatings.u1(o.data());
        out.println("movie-dp: " + summary());
        out.println(data.describe());
        out.printf(Locale.ROOT, "model BiasedMF d %d; SGD %.3g momentum %.1f, L2 %.1g on the factors; Poisson batches of expected size %d; "
                        + "clip C = %.2f; %d epochs; δ = %.0e; seed %d; backend %s%n", s.factors(), s.learningRate(),
                s.momentum(), s.l2(), s.expectedBatch(), s.clipNorm(), s.epochs(), s.delta(), s.seed(),
                Backends.current().name());
        List<Point> points = PrivateMatrixFactorization.curve(data.train(), data.test(), data.numUsers(), data.numItems(),
                epsilons, s, BackendOption.device(), (target, epoch, loss, spent, rmse, seconds) -> {
                    out.printf(Locale.ROOT, "%-12s epoch %2d  %.1f s  loss %.4f  ε %s  test RMSE %.4f%n", label(target),
                            epoch, seconds, loss, Double.isFinite(spent) ? String.format(Locale.ROOT, "%.3f", spent) : "∞",
                            rmse);
                    out.flush();
                    Map<String, Double> logs = new java.util.LinkedHashMap<>();
                    logs.put("loss", loss);
                    logs.put("test_RMSE", rmse);
                    report.epoch(label(target), epoch, logs);
                });
        out.println();
        out.println("| training | σ | ε spent (δ 1e-5) | test RMSE | s / epoch |");
        out.println("|---|---|---|---|---|");
        for (Point p : points) {
            out.printf(Locale.ROOT, "| %s | %.4f | %s | %.4f | %.2f |%n", label(p.targetEpsilon()), p.sigma(),
                    p.isPrivate() ? String.format(Locale.ROOT, "%.3f", p.epsilonSpent()) : "∞", p.testRmse(),
                    p.secondsPerEpoch());
        }
        report.title("movie-dp: " + summary());
        report.figure(() -> plot(points), "Each private model's test RMSE against the ε its training spent (δ = 1e-5);"
                + " dashed: the same model trained without noise.");
        if (svg != null) {
            Files.writeString(svg, plot(points));
            out.println("wrote the privacy/utility plot to " + svg);
        }
        return ExitCodes.OK;
    }

    private static String label(double target) {
        return Double.isFinite(target) ? String.format(Locale.ROOT, "DP ε = %s", trim(target)) : "no noise";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String plot(List<Point> points) {
        return PrivacyFigures.privacyUtility(points, "Biased MF on MovieLens 100K u1: DP-SGD per rating (δ = 1e-5)", 1e-5);
    }

    static double[] epsilons(String text) {
        String[] parts = text.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Main.positiveNumber("--epsilons", parts[i].strip());
        }
        return out;
    }
}

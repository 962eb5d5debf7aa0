package jgrad.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.backend.Backends;
import jgrad.backend.Device;
import jgrad.privacy.federated.FederatedMatrixFactorization;
import jgrad.privacy.federated.FederatedMatrixFactorization.Settings;
import jgrad.recsys.BiasedMF;
import jgrad.recsys.Evaluation;

/**
 * {@code ./jgrad example movie-fed}: biased MF on MovieLens 100K u1 trained by FedAvg with every user a client whose
 * own row never leaves it, beside the same model trained centrally; test RMSE of both.
 */
final class MovieFedExample implements Example {

    private static final List<String> OPTIONS = List.of("--data", "--seed", "--rounds", "--fraction", "--local-epochs",
            "--batch", "--lr", "--server-lr", "--central-epochs");
    private static final int FACTORS = 32;
    private static final double L2 = 1e-3;

    @Override public String name() { return "movie-fed"; }
    @Override public String summary() {
        return "biased MF on ML-100K u1 by FedAvg, each user a client keeping its own row; test RMSE beside the central model";
    }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        Map<String, String> given = OptionPairs.parse(args, OPTIONS);
        String[] shared = given.entrySet().stream().filter(e -> List.of("--data", "--seed").contains(e.getKey()))
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
        ExampleOptions o = ExampleOptions.parse(shared, List.of("--data", "--seed"), 1, 1);
        int rounds = given.containsKey("--rounds") ? Main.positiveInt("--rounds", given.get("--rounds")) : 200;
        double fraction = given.containsKey("--fraction") ? Main.positiveNumber("--fraction", given.get("--fraction")) : 0.1;
        if (fraction > 1) {
            throw new UsageException("--fraction must be in (0, 1], got '" + given.get("--fraction") + "'");
        }
        Settings s = new Settings(fraction,
                given.containsKey("--local-epochs") ? Main.positiveInt("--local-epochs", given.get("--local-epochs")) : 5,
                given.containsKey("--batch") ? Main.positiveInt("--batch", given.get("--batch")) : 10,
                given.containsKey("--lr") ? Main.positiveNumber("--lr", given.get("--lr")) : 0.1,
                L2,
                given.containsKey("--server-lr") ? Main.positiveNumber("--server-lr", given.get("--server-lr")) : 1.0);
        int centralEpochs = given.containsKey("--central-epochs")
                ? Main.positiveInt("--central-epochs", given.get("--central-epochs")) : 20;
        MovieRatings data = MovieRatings.u1(o.data());
        Device device = BackendOption.device();
        out.println("movie-fed: " + summary());
        out.println(data.describe());
        FederatedMatrixFactorization fed = new FederatedMatrixFactorization(data.train(), data.numUsers(),
                data.numItems(), FACTORS, s, device, o.seed());
        out.printf(Locale.ROOT, "model BiasedMF d %d; %d clients; C %.2f, E %d, B %d, SGD %.3g (L2 %.0e on the rows read), "
                        + "server rate %.2f; %d rounds; shared with the server: %s; seed %d; backend %s%n", FACTORS,
                fed.clientCount(), s.clientFraction(), s.localEpochs(), s.localBatch(), s.learningRate(), s.l2(),
                s.serverRate(), rounds, FederatedMatrixFactorization.SHARED, o.seed(), Backends.current().name());
        var test = data.test();
        long start = System.nanoTime();
        double fedRmse = Double.NaN;
        for (int r = 1; r <= rounds; r++) {
            fed.round();
            if (r % 10 == 0 || r == rounds) {
                fedRmse = Evaluation.rmse(fed.model(), test.users(), test.items(), test.ratings());
                report.epoch("federated", r, Map.of("test_rmse", fedRmse));
                out.printf(Locale.ROOT, "round %4d  %.0f s  federated test RMSE %.4f%n", r, (System.nanoTime() - start) / 1e9,
                        fedRmse);
                out.flush();
            }
        }
        long centralStart = System.nanoTime();
        BiasedMF central = FederatedMatrixFactorization.central(data.train(), data.numUsers(), data.numItems(), FACTORS, s,
                centralEpochs, device, o.seed());
        double centralRmse = Evaluation.rmse(central, test.users(), test.items(), test.ratings());
        out.printf(Locale.ROOT, "central: the same model and SGD, batches of %d, %d epochs: test RMSE %.4f (%.0f s)%n",
                s.localBatch(), centralEpochs, centralRmse, (System.nanoTime() - centralStart) / 1e9);
        report.note(String.format(Locale.ROOT, "test RMSE every 10 rounds (the x axis counts rounds); central model "
                + "after %d epochs: %.4f", centralEpochs, centralRmse));
        out.printf(Locale.ROOT, "federated after %d rounds: test RMSE %.4f; central %.4f%n", rounds, fedRmse, centralRmse);
        return ExitCodes.OK;
    }
}

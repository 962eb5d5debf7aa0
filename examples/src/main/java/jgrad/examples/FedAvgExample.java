package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.Device;
import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Flatten;
import jgrad.nn.loss.Losses;
import jgrad.privacy.dp.RdpAccountant;
import jgrad.privacy.federated.DpFedAvg;
import jgrad.privacy.federated.FedAvg;
import jgrad.privacy.federated.Partitions;
import jgrad.privacy.federated.SecureAggregation;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * Fashion-MNIST split among simulated clients (IID, or McMahan et al.'s pathological shards: sorted by label, 200
 * shards of 300, two per client), and the rounds FedSGD (E = 1, B = ∞) and FedAvg (E = 5, B = 10) need, with C = 0.1
 * and SGD, to reach a test accuracy of 0.80 with article 004's dense model (without dropout). With
 * {@code --dp-noise Z --dp-clip S} it runs DP-FedAvg instead (McMahan et al. 2018: each client of a round joins with
 * probability 0.1, trains E = 5 epochs with B = 10, its update is clipped to S, the server adds N(0, Z²S²)), printing
 * the accuracy and the ε per client (δ = 1e-5) round by round; {@code --secure true} sends the clipped updates under
 * pairwise masks, so the server learns only their sum.
 */
final class FedAvgExample implements Example {

    private static final double TARGET = 0.80;
    private static final double DELTA = 1e-5;
    private static final int HIDDEN = 128;

    @Override public String name() { return "fedavg"; }
    @Override public String summary() {
        return "FedSGD vs FedAvg on Fashion-MNIST clients: rounds to 0.80 (--clients K --partition iid|shards)";
    }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        int clients = 100;
        String partition = "iid";
        int maxRounds = 1000;
        double rate = 0.1;
        double dpNoise = -1;
        double dpClip = -1;
        boolean secure = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (value == null ? "" : args[i]) {
                case "--clients" -> clients = Main.positiveInt("--clients", value);
                case "--max-rounds" -> maxRounds = Main.positiveInt("--max-rounds", value);
                case "--partition" -> {
                    if (!value.equals("iid") && !value.equals("shards")) {
                        throw new UsageException("--partition must be iid or shards, got '" + value + "'");
                    }
                    partition = value;
                }
                case "--lr" -> rate = Main.positiveNumber("--lr", value);
                case "--dp-noise" -> dpNoise = Main.nonNegativeNumber("--dp-noise", value);
                case "--dp-clip" -> dpClip = Main.positiveNumber("--dp-clip", value);
                case "--secure" -> secure = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new UsageException("--secure must be true or false, got '" + value + "'");
                };
                default -> {
                    rest.add(args[i]);
                    if (value != null) {
                        rest.add(value);
                    }
                }
            }
        }
        ExampleOptions options = ExampleOptions.parse(rest.toArray(String[]::new),
                List.of("--seed", "--data", "--clients", "--partition", "--max-rounds", "--lr", "--dp-noise", "--dp-clip",
                        "--secure"), 1, 42);
        if ((dpNoise < 0) != (dpClip < 0)) {
            throw new UsageException("DP-FedAvg needs both --dp-noise Z and --dp-clip S (or neither)");
        }
        if (secure && dpNoise < 0) {
            throw new UsageException("--secure true applies to DP-FedAvg: give --dp-noise Z and --dp-clip S as well");
        }
        Path dir = FashionMnistExample.dataDirectory(options.data());
        Split<LabeledImages> data = FashionMnist.load(dir);
        LabeledImages train = data.train();
        SplittableRandom rng = new SplittableRandom(options.seed());
        int[][] parts = partition.equals("iid") ? Partitions.iid(train.count(), clients, rng)
                : Partitions.shards(train.labels(), clients, 2, rng);
        out.printf(Locale.ROOT, "fedavg: %d training images of %s in %d clients (%s), C = 0.1, SGD rate %s, target test"
                + " accuracy %.2f, at most %d rounds%n", train.count(), dir, clients, partition.equals("iid") ? "IID"
                : "2 label-sorted shards each", rate, TARGET, maxRounds);
        Device device = BackendOption.device();
        Tensor x = ImageTensors.pixels(train).to(device);
        Tensor y = ImageTensors.labels(train).to(device);
        ImageTensors.Evaluation test = ImageTensors.Evaluation.of(data.test());
        if (dpNoise >= 0) {
            DpFedAvg.Settings settings = new DpFedAvg.Settings(0.1, 5, 10, rate, dpClip, dpNoise);
            privateRounds(settings, secure, parts, x, y, test, options.seed(), maxRounds, device, out, report);
            return ExitCodes.OK;
        }
        int fedSgd = roundsToTarget("FedSGD (E = 1, B = ∞)", new FedAvg.Settings(0.1, 1, 0, rate), parts, x, y, test,
                options.seed(), maxRounds, device, out, report);
        int fedAvg = roundsToTarget("FedAvg (E = 5, B = 10)", new FedAvg.Settings(0.1, 5, 10, rate), parts, x, y, test,
                options.seed(), maxRounds, device, out, report);
        out.printf(Locale.ROOT, "rounds to %.2f: FedSGD %s, FedAvg %s%s%n", TARGET, rounds(fedSgd, maxRounds),
                rounds(fedAvg, maxRounds), fedSgd > 0 && fedAvg > 0 ? String.format(Locale.ROOT, " (%.1f× fewer)",
                        (double) fedSgd / fedAvg) : "");
        return ExitCodes.OK;
    }

    /** DP-FedAvg until the target accuracy or {@code maxRounds}, printing accuracy and ε per client as it goes. */
    private static void privateRounds(DpFedAvg.Settings settings, boolean secure, int[][] parts, Tensor x, Tensor y,
                                      ImageTensors.Evaluation test, long seed, int maxRounds, Device device,
                                      PrintStream out, ExampleReport report) {
        out.printf(Locale.ROOT, "DP-FedAvg: client rate q = %s, E = %d, B = %d, update clip S = %s, noise z = %s, %s%n",
                settings.clientRate(), settings.localEpochs(), settings.localBatch(), settings.clipNorm(),
                settings.noiseMultiplier(), secure ? "secure aggregation (the server sees only the sum)"
                        : "updates sent in the clear");
        Sequential model = denseModel(x, new SplittableRandom(seed), device);
        DpFedAvg server = new DpFedAvg(model, Losses::softmaxCrossEntropy, x, y, parts, settings,
                secure ? new SecureAggregation(32, seed + 2) : null, seed + 1);
        long start = System.nanoTime();
        double accuracy = 0;
        while (server.rounds() < maxRounds && accuracy < TARGET) {
            int joined = server.round();
            accuracy = accuracy(model, test);
            int r = server.rounds();
            report.epoch("DP-FedAvg", r, Map.of("test_accuracy", accuracy, "epsilon", server.spent(DELTA).epsilon()));
            if (r <= 5 || r % 25 == 0 || accuracy >= TARGET || r == maxRounds) {
                out.printf(Locale.ROOT, "  round %d: %d clients, test accuracy %.4f, ε per client %s (%.1f s)%n", r,
                        joined, accuracy, epsilon(server.spent(DELTA)), (System.nanoTime() - start) / 1e9);
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "DP-FedAvg: test accuracy %.4f after %d rounds at ε = %s per client (δ = %.0e)%s%n",
                accuracy, server.rounds(), epsilon(server.spent(DELTA)), DELTA,
                accuracy >= TARGET ? "" : String.format(Locale.ROOT, "; %.2f not reached", TARGET));
    }

    private static String epsilon(RdpAccountant.Spent spent) {
        return Double.isInfinite(spent.epsilon()) ? "∞ (no noise)"
                : String.format(Locale.ROOT, "%.3f (order %s)", spent.epsilon(), spent.order());
    }

    private static Sequential denseModel(Tensor x, SplittableRandom rng, Device device) {
        Sequential model = new Sequential(new Flatten(), new Dense(x.numel() / x.shape(0), HIDDEN, Activation.RELU, rng),
                new Dense(HIDDEN, FashionMnist.CLASSES.length, Activation.LINEAR, rng));
        model.to(device);
        return model;
    }

    private static double accuracy(Sequential model, ImageTensors.Evaluation test) {
        Tensor logits = model.predict(test.pixels()).to(Device.CPU);
        return ClassificationMetrics.accuracy(ClassificationMetrics.argmaxRows(logits.toFloatArray(), logits.shape(-1)),
                test.labels());
    }

    /** Rounds until the test accuracy reaches the target, or −1 when it has not after {@code maxRounds}. */
    private static int roundsToTarget(String title, FedAvg.Settings settings, int[][] parts, Tensor x, Tensor y,
                                      ImageTensors.Evaluation test, long seed, int maxRounds, Device device,
                                      PrintStream out, ExampleReport report) {
        Sequential model = denseModel(x, new SplittableRandom(seed), device);
        FedAvg server = new FedAvg(model, Losses::softmaxCrossEntropy, x, y, parts, settings, seed + 1);
        long start = System.nanoTime();
        double accuracy = 0;
        while (server.rounds() < maxRounds) {
            server.round();
            accuracy = accuracy(model, test);
            int r = server.rounds();
            report.epoch(title, r, Map.of("test_accuracy", accuracy));
            if (r <= 5 || r % 25 == 0 || accuracy >= TARGET) {
                out.printf(Locale.ROOT, "  %s round %d: test accuracy %.4f (%.1f s)%n", title, r, accuracy,
                        (System.nanoTime() - start) / 1e9);
                out.flush();
            }
            if (accuracy >= TARGET) {
                return r;
            }
        }
        return -1;
    }

    private static String rounds(int r, int max) {
        return r < 0 ? "not within " + max : Integer.toString(r);
    }

}

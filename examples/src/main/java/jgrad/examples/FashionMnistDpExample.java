package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.Backends;
import jgrad.backend.Device;
import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Flatten;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.privacy.dp.DpSgd;
import jgrad.privacy.dp.RdpAccountant;
import jgrad.privacy.dp.RowTransformer;
import jgrad.privacy.dp.TanhCnn;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * A Fashion-MNIST classifier trained with DP-SGD to a target ε at δ = 1e-5: Poisson batches of expected size
 * {@code --batch} (256), clip norm {@code --clip} (1), the noise multiplier the RDP accountant gives for the target
 * over all the steps, Adam with rate {@code --lr} (1e-3). {@code --model mlp} is article 004's dense classifier
 * (without its dropout); {@code --model cnn} the small tanh CNN of the DP literature ({@link TanhCnn});
 * {@code --model attention} a Transformer block with attention pooling over the image's rows ({@link RowTransformer}). With
 * {@code --non-private true} the same model, batches and
 * optimizer without clipping or noise, for the comparison.
 */
final class FashionMnistDpExample implements Example {

    private static final int HIDDEN = 128;
    /** The attention model's width and heads: small, so that a private epoch takes seconds, not minutes. */
    private static final int ROW_WIDTH = 32;
    private static final int ROW_HEADS = 4;
    private static final double DELTA = 1e-5;

    @Override public String name() { return "fashion-mnist-dp"; }
    @Override public String summary() {
        return "a classifier (--model mlp|cnn|attention) trained with DP-SGD to --epsilon E (δ 1e-5); --non-private true for the baseline";
    }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        List<String> rest = new ArrayList<>();
        double epsilon = 3;
        boolean nonPrivate = false;
        String model = "mlp";
        int expectedBatch = 256;
        double clip = 1;
        double rate = 1e-3;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--epsilon") && value != null) {
                epsilon = Main.positiveNumber("--epsilon", value);
            } else if (args[i].equals("--batch") && value != null) {
                expectedBatch = Main.positiveInt("--batch", value);
            } else if (args[i].equals("--clip") && value != null) {
                clip = Main.positiveNumber("--clip", value);
            } else if (args[i].equals("--lr") && value != null) {
                rate = Main.positiveNumber("--lr", value);
            } else if (args[i].equals("--model") && value != null) {
                if (!List.of("mlp", "cnn", "attention").contains(value)) {
                    throw new UsageException("--model must be mlp, cnn or attention, got '" + value + "'");
                }
                model = value;
            } else if (args[i].equals("--non-private") && value != null) {
                nonPrivate = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new UsageException("--non-private must be true or false, got '" + value + "'");
                };
            } else {
                rest.add(args[i]);
                if (value != null) {
                    rest.add(value);
                }
            }
        }
        ExampleOptions options = ExampleOptions.parse(rest.toArray(String[]::new),
                List.of("--epochs", "--seed", "--data", "--epsilon", "--non-private", "--model", "--batch", "--clip", "--lr"), 15, 42);
        Path dir = FashionMnistExample.dataDirectory(options.data());
        Split<LabeledImages> data = FashionMnist.load(dir);
        LabeledImages train = data.train();
        int n = train.count();
        if (expectedBatch > n) {
            throw new UsageException("--batch " + expectedBatch + " is larger than the " + n + " training images");
        }
        double q = (double) expectedBatch / n;
        long steps = options.epochs() * Math.max(1, Math.round(1 / q));
        double sigma = nonPrivate ? 0 : RdpAccountant.noiseMultiplier(epsilon, q, steps, DELTA);
        out.printf(Locale.ROOT, "fashion-mnist-dp: %d training and %d test images from %s%n", n, data.test().count(), dir);
        out.printf(Locale.ROOT, "model     %s, softmax cross-entropy%n", switch (model) {
            case "cnn" -> "Conv2D(16, 8×8, s2, p3, tanh) → MaxPool(2, s1) → Conv2D(32, 4×4, s2, tanh) → MaxPool(2, s1)"
                    + " → Flatten → Dense(32, tanh) → Dense(10) logits (Papernot et al. 2020)";
            case "attention" -> "the 28 rows as a sequence: Dense(" + ROW_WIDTH + ") per row → positions → Transformer"
                    + " block (" + ROW_HEADS + " heads, pre-norm) → attention pooling (general, the last row asks)"
                    + " → Dense(10) logits";
            default -> "Flatten → Dense(" + HIDDEN + ", relu) → Dense(10) logits";
        });
        out.printf(Locale.ROOT, "training  %s, Poisson batches q = %d/%d, %d steps (%d epochs), Adam %s, seed %d, backend %s%n",
                nonPrivate ? "NON-PRIVATE (clip and noise off)" : String.format(Locale.ROOT,
                        "DP-SGD clip C = %s, noise σ = %.4f for ε = %s at δ = %.0e", clip, sigma, epsilon, DELTA),
                expectedBatch, n, steps, options.epochs(), rate, options.seed(), Backends.current().name());
        SplittableRandom rng = new SplittableRandom(options.seed());
        boolean cnn = model.equals("cnn");
        Sequential network = switch (model) {
            case "cnn" -> TanhCnn.of(FashionMnist.CLASSES.length, rng);
            case "attention" -> RowTransformer.of(train.rows(), train.cols(), ROW_WIDTH, ROW_HEADS,
                    FashionMnist.CLASSES.length, rng);
            default -> new Sequential(new Flatten(), new Dense(train.pixelsPerImage(), HIDDEN, Activation.RELU, rng),
                    new Dense(HIDDEN, FashionMnist.CLASSES.length, Activation.LINEAR, rng));
        };
        Device device = BackendOption.device();
        network.to(device);
        DpSgd dp = DpSgd.of(Adam.keras(rate), nonPrivate ? Double.MAX_VALUE : clip, sigma, q, n, options.seed() + 1)
                .bind(network);
        Tensor x = (cnn ? ImageTensors.channelsFirst(train) : ImageTensors.pixels(train)).to(device);
        Tensor y = ImageTensors.labels(train).to(device);
        ImageTensors.Evaluation test = cnn ? ImageTensors.Evaluation.channelsFirst(data.test())
                : ImageTensors.Evaluation.of(data.test());
        double accuracy = Double.NaN;
        double totalSeconds = 0;
        for (int e = 1; e <= options.epochs(); e++) {
            long start = System.nanoTime();
            double loss = dp.epoch(x, y, Losses::softmaxCrossEntropy, rng);
            double seconds = (System.nanoTime() - start) / 1e9;
            totalSeconds += seconds;
            Tensor logits = network.predict(test.pixels()).to(Device.CPU);
            accuracy = ClassificationMetrics.accuracy(ClassificationMetrics.argmaxRows(logits.toFloatArray(),
                    logits.shape(-1)), test.labels());
            RdpAccountant.Spent spent = dp.spent(DELTA);
            report.epoch("", e, nonPrivate ? Map.of("loss", loss, "test_accuracy", accuracy)
                    : Map.of("loss", loss, "test_accuracy", accuracy, "epsilon", spent.epsilon()));
            out.printf(Locale.ROOT, "epoch %d  train %.1f s  loss %.4f  ε %s  test accuracy %.4f%n", e, seconds, loss,
                    nonPrivate ? "∞" : String.format(Locale.ROOT, "%.3f (order %s)", spent.epsilon(), spent.order()),
                    accuracy);
            out.flush();
        }
        out.printf(Locale.ROOT, "%s: %d epochs, %.2f s per epoch, final test accuracy %.4f%s%n",
                nonPrivate ? "non-private" : "DP-SGD", options.epochs(), totalSeconds / options.epochs(), accuracy,
                nonPrivate ? "" : String.format(Locale.ROOT, " at ε = %.3f, δ = %.0e", dp.spent(DELTA).epsilon(), DELTA));
        return ExitCodes.OK;
    }

}

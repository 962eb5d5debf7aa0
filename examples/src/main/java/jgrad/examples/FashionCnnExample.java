package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import jgrad.backend.Backends;
import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;
import jgrad.nn.Activation;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Flatten;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.train.Fit;
import jgrad.train.Sequential;

/**
 * The convolutional Fashion-MNIST classifier of seed 003 §4.1: Conv2D(32, 3×3, relu) → MaxPool(2) →
 * Conv2D(64, 3×3, relu) → MaxPool(2) → Flatten → Dense(128, relu) → Dropout(0.2) → Dense(10) logits
 * (softmax inside the loss), pixels / 255 as [N, 1, 28, 28], Adam 1e-3 (Keras's ε), batch 64, 5 epochs.
 */
final class FashionCnnExample implements Example {

    private static final int BATCH = 64;
    /** The rate of the documents' one dropout layer (article 004); 0.5 gave 0.8939 after 5 epochs (seed 42). */
    private static final double DROPOUT = 0.2;

    @Override public String name() { return "fashion-cnn"; }
    @Override public String summary() { return "seed 003: convolutional classifier of Fashion-MNIST, test accuracy per epoch"; }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args, List.of("--epochs", "--seed", "--data"), 5, 42);
        Path dir = FashionMnistExample.dataDirectory(options.data());
        Split<LabeledImages> data = FashionMnist.load(dir);
        printConfiguration(out, dir, data, options);
        report.title("Fashion-MNIST, seed 003 §4.1: Conv2D(32) → MaxPool → Conv2D(64) → MaxPool → Dense(128) → Dense(10)");
        report.note(String.format(Locale.ROOT, "%d epochs, batch %d, Adam 1e-3, dropout %.1f, seed %d, backend %s",
                options.epochs(), BATCH, DROPOUT, options.seed(), Backends.current().name()));
        EpochReport epochs = train(data, options.epochs(), options.seed(), out, report);
        FashionMnistExample.confusion(report, epochs, "Fashion-MNIST CNN");
        return 0;
    }

    /** The model of seed 003 for images of rows × cols, its weights drawn from {@code seed}. */
    static Sequential model(int rows, int cols, long seed) {
        return model(rows, cols, FashionMnist.CLASSES.length, seed);
    }

    /** The same model with {@code classes} outputs (layers 0 and 2 convolve, 5 is the hidden Dense, 7 the head). */
    static Sequential model(int rows, int cols, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int flat = 64 * (((rows - 2) / 2 - 2) / 2) * (((cols - 2) / 2 - 2) / 2);
        return new Sequential(
                new Conv2D(1, 32, 3, Activation.RELU, rng), new MaxPool2D(2),
                new Conv2D(32, 64, 3, Activation.RELU, rng), new MaxPool2D(2),
                new Flatten(), new Dense(flat, 128, Activation.RELU, rng), new Dropout(DROPOUT, rng.split()),
                new Dense(128, classes, Activation.LINEAR, rng));
    }

    static EpochReport train(Split<LabeledImages> data, int epochs, long seed, PrintStream out, ExampleReport hook) {
        LabeledImages train = data.train();
        Sequential model = model(train.rows(), train.cols(), seed);
        model.to(BackendOption.device());
        model.compile(Adam.keras(1e-3), Losses::softmaxCrossEntropy);
        EpochReport report = new EpochReport(ImageTensors.Evaluation.channelsFirst(data.test()), out).recording(hook);
        model.fit(ImageTensors.channelsFirst(train), ImageTensors.labels(train),
                Fit.epochs(epochs).batchSize(BATCH).seed(seed).verbose(0).callbacks(report));
        report.printSummary();
        return report;
    }

    private static void printConfiguration(PrintStream out, Path dir, Split<LabeledImages> data, ExampleOptions o) {
        LabeledImages train = data.train();
        out.printf(Locale.ROOT, "fashion-cnn (seed 003 §4.1): %d training and %d test images of %d×%d from %s%n",
                train.count(), data.test().count(), train.rows(), train.cols(), dir);
        out.println("model     Conv2D(32, 3×3, relu) → MaxPool(2) → Conv2D(64, 3×3, relu) → MaxPool(2) → Flatten"
                + " → Dense(128, relu) → Dropout(" + DROPOUT + ") → Dense(10) logits, softmax fused into the loss");
        out.printf(Locale.ROOT, "training  pixels / 255, Adam lr 1e-3 (Keras ε 1e-7), batch %d (%d steps), %d epochs,"
                + " seed %d, backend %s%n", BATCH, (train.count() + BATCH - 1) / BATCH, o.epochs(), o.seed(),
                Backends.current().name());
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.train.History;
import jgrad.backend.Backends;
import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;
import jgrad.io.ModelFiles;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Flatten;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.report.figures.ClassFigures;
import jgrad.train.Fit;
import jgrad.train.Sequential;

/**
 * Article 004's Fashion-MNIST classifier: Flatten → Dense(128, relu) → Dropout(0.2) → Dense(10, softmax),
 * pixels / 255, Adam 1e-3 (Keras's ε = 1e-7), batches of 32, 5 epochs, test accuracy after each epoch.
 * The last layer is linear and the softmax sits inside the loss (softmax cross-entropy from logits): the
 * same model, but log-softmax computed as z − max − ln Σ e^(z − max) neither overflows nor takes ln 0.
 */
final class FashionMnistExample implements Example {

    static final String INSTALL = "apt-get install dataset-fashion-mnist";
    private static final int BATCH = 32;
    private static final int HIDDEN = 128;
    private static final double DROPOUT = 0.2;

    @Override public String name() { return "fashion-mnist"; }
    @Override public String summary() { return "article 004: dense classifier of Fashion-MNIST, test accuracy per epoch"; }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args, List.of("--epochs", "--seed", "--save", "--data"), 5, 42);
        Path dir = dataDirectory(options.data());
        Split<LabeledImages> data = FashionMnist.load(dir);
        printConfiguration(out, dir, data, options);
        report.title("Fashion-MNIST, article 004: Flatten → Dense(128) → Dropout → Dense(10)");
        report.note(String.format(Locale.ROOT, "%d epochs, batch %d, Adam 1e-3, seed %d, backend %s", options.epochs(),
                BATCH, options.seed(), Backends.current().name()));
        Trained trained = train(data, options.epochs(), options.seed(), out, report);
        Sequential model = trained.model();
        confusion(report, trained.report(), "Fashion-MNIST");
        if (options.save() != null) {
            ModelFiles.save(model, options.save());
            out.println("saved the model to " + ModelFiles.weightsPath(options.save()));
        }
        return 0;
    }

    /** The directory given with --data, else the configured or Debian one; explains how to get it when absent. */
    static Path dataDirectory(Path given) {
        if (given == null) {
            return FashionMnist.findDirectory().orElseThrow(FashionMnistExample::missingData);
        }
        for (String prefix : new String[] {"train", "t10k"}) {
            for (String kind : new String[] {"images-idx3", "labels-idx1"}) {
                String file = prefix + "-" + kind + "-ubyte";
                if (!Files.exists(given.resolve(file)) && !Files.exists(given.resolve(file + ".gz"))) {
                    throw new IllegalArgumentException("--data " + given + ": no " + file + "[.gz] there; the Debian"
                            + " package puts the four files in " + FashionMnist.DEBIAN_DIR + " (" + INSTALL + ")");
                }
            }
        }
        return given;
    }

    static IllegalStateException missingData() {
        return new IllegalStateException("Fashion-MNIST not found in " + FashionMnist.DEBIAN_DIR
                + " (nor in -Djgrad.fashionMnist or $FASHION_MNIST_DIR); install it with: sudo " + INSTALL
                + ", or pass --data DIR holding the four IDX files");
    }

    /** A trained model, its training history and its per-epoch test record. */
    record Trained(Sequential model, History history, EpochReport report) {
    }

    /** The test images' confusion matrix after the last epoch, into the report. */
    static void confusion(ExampleReport report, EpochReport epochs, String title) {
        report.figure(() -> ClassFigures.confusion(epochs.testLabels(), epochs.lastPredictions(),
                List.of(FashionMnist.CLASSES), title + ": confusion matrix of the 10,000 test images"),
                "Rows: the actual class; columns: the class predicted after the last epoch; the diagonal is right.");
    }

    /** Builds the article's model from {@code seed}, trains it and prints one line per epoch. */
    static Trained train(Split<LabeledImages> data, int epochs, long seed, PrintStream out) {
        return train(data, epochs, seed, out, ExampleReport.off());
    }

    static Trained train(Split<LabeledImages> data, int epochs, long seed, PrintStream out, ExampleReport hook) {
        LabeledImages train = data.train();
        SplittableRandom rng = new SplittableRandom(seed);
        int pixels = train.pixelsPerImage();
        Sequential model = new Sequential(new Flatten(), new Dense(pixels, HIDDEN, Activation.RELU, rng),
                new Dropout(DROPOUT, rng.split()), new Dense(HIDDEN, FashionMnist.CLASSES.length, Activation.LINEAR, rng));
        model.to(BackendOption.device());
        model.compile(Adam.keras(1e-3), Losses::softmaxCrossEntropy);
        EpochReport report = new EpochReport(ImageTensors.Evaluation.of(data.test()), out).recording(hook);
        History history = model.fit(ImageTensors.pixels(train), ImageTensors.labels(train),
                Fit.epochs(epochs).batchSize(BATCH).seed(seed).verbose(0).callbacks(report));
        report.printSummary();
        return new Trained(model, history, report);
    }

    private static void printConfiguration(PrintStream out, Path dir, Split<LabeledImages> data, ExampleOptions o) {
        LabeledImages train = data.train();
        out.printf(Locale.ROOT, "fashion-mnist (article 004): %d training and %d test images of %d×%d from %s%n",
                train.count(), data.test().count(), train.rows(), train.cols(), dir);
        out.println("model     Flatten → Dense(" + HIDDEN + ", relu) → Dropout(" + DROPOUT + ") → Dense(10) logits;"
                + " softmax fused into the loss (softmax cross-entropy from logits = Dense(10, softmax) + cross-entropy,"
                + " without overflow or ln 0)");
        out.printf(Locale.ROOT, "training  pixels / 255, Adam lr 1e-3 (Keras ε 1e-7), batch %d (%d steps), %d epochs,"
                + " seed %d, backend %s%n", BATCH, (train.count() + BATCH - 1) / BATCH, o.epochs(), o.seed(),
                Backends.current().name());
    }
}

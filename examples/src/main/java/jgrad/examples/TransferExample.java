package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import jgrad.backend.Device;
import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Flatten;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.train.Fit;
import jgrad.train.Sequential;
import jgrad.transfer.FineTuning;

/**
 * Transfer learning (article 002 §2.6) on Fashion-MNIST: the article-004 MLP pretrained on 8 classes, then
 * fine-tuned to tell the other two apart ({@code --classes A,B}; by default T-shirt/top (0) and Shirt (6), a
 * pair often confused) from 100 labelled training images of each; against the same model trained from scratch on those
 * 200 images. Three ways, each over 5 seeds (the 200 images and the new layers' start), test accuracy on
 * all 2,000 test images of the two classes: from scratch; the pretrained hidden layer frozen under a new
 * head; the whole model trained with the pretrained layer at a tenth of the head's learning rate. Every
 * setting was fixed before the first run.
 */
final class TransferExample implements Example {

    private static final int[] DEFAULT_TARGET = {0, 6};
    private static final int PER_CLASS = 100;
    private static final int SEEDS = 5;
    private static final int HIDDEN = 128;
    private static final int PRETRAIN_EPOCHS = 2;
    private static final double PRETRAINED_RATE = 0.1;

    @Override public String name() { return "transfer"; }
    @Override public String summary() {
        return "transfer learning: Fashion-MNIST MLP pretrained on 8 classes, fine-tuned on 2 with 100 images each";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int[] target = DEFAULT_TARGET;
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int at = rest.indexOf("--classes");
        if (at >= 0) {
            if (at + 1 >= rest.size()) {
                throw new UsageException("--classes needs two class numbers, e.g. --classes 2,4");
            }
            target = classes(rest.get(at + 1));
            rest.subList(at, at + 2).clear();
        }
        ExampleOptions o = ExampleOptions.parse(rest.toArray(String[]::new), List.of("--epochs", "--seed", "--data"),
                30, 1);
        int[] pair = target;
        Path dir = FashionMnistExample.dataDirectory(o.data());
        Split<LabeledImages> data = FashionMnist.load(dir);
        LabeledImages source = relabel(data.train(), others(pair));
        LabeledImages test = relabel(data.test(), pair);
        out.printf(Locale.ROOT, "pretraining on %d images of the 8 classes other than %s and %s, %d epochs, seed %d%n",
                source.count(), FashionMnist.CLASSES[pair[0]], FashionMnist.CLASSES[pair[1]], PRETRAIN_EPOCHS,
                o.seed());
        Sequential pretrained = mlp(8, new SplittableRandom(o.seed()));
        pretrained.compile(Adam.keras(1e-3), Losses::softmaxCrossEntropy);
        pretrained.fit(ImageTensors.pixels(source), ImageTensors.labels(source),
                Fit.epochs(PRETRAIN_EPOCHS).batchSize(64).seed(o.seed()).verbose(0));
        out.printf(Locale.ROOT, "target: %s vs %s, %d labelled training images per class, %d test images;"
                + " Adam 1e-3, batch 32, %d epochs%n", FashionMnist.CLASSES[pair[0]], FashionMnist.CLASSES[pair[1]],
                PER_CLASS, test.count(), o.epochs());
        double[][] accuracy = new double[3][SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            long seed = o.seed() + s;
            LabeledImages few = sample(relabel(data.train(), pair), seed, pair.length);
            accuracy[0][s] = fitAndTest(mlp(2, new SplittableRandom(seed)), null, few, test, o.epochs(), seed);
            accuracy[1][s] = fitAndTest(fromPretrained(pretrained, seed),
                    m -> FineTuning.of(m).freeze("1"), few, test, o.epochs(), seed);
            accuracy[2][s] = fitAndTest(fromPretrained(pretrained, seed),
                    m -> FineTuning.of(m).learningRate("1", PRETRAINED_RATE), few, test, o.epochs(), seed);
            out.printf(Locale.ROOT, "seed %d: scratch %.4f  frozen %.4f  fine-tuned %.4f%n", seed, accuracy[0][s],
                    accuracy[1][s], accuracy[2][s]);
        }
        String[] names = {"from scratch", "pretrained layer frozen, new head", "all layers, pretrained at 0.1× rate"};
        out.println("test accuracy over " + SEEDS + " seeds (mean ± sd):");
        for (int k = 0; k < 3; k++) {
            out.printf(Locale.ROOT, "  %-38s %.4f ± %.4f%n", names[k], mean(accuracy[k]), sd(accuracy[k]));
        }
        return 0;
    }

    private static Sequential mlp(int classes, SplittableRandom rng) {
        Sequential m = new Sequential(new Flatten(), new Dense(784, HIDDEN, Activation.RELU, rng),
                new Dropout(0.2, rng.split()), new Dense(HIDDEN, classes, Activation.LINEAR, rng));
        m.to(BackendOption.device());
        return m;
    }

    /** A new 2-class model whose hidden layer "1" is the pretrained one. */
    private static Sequential fromPretrained(Sequential pretrained, long seed) {
        Sequential m = mlp(2, new SplittableRandom(seed));
        FineTuning.copyLayers(pretrained, m, "1");
        return m;
    }

    private static double fitAndTest(Sequential model, java.util.function.Function<Sequential, FineTuning> tuning,
            LabeledImages train, LabeledImages test, int epochs, long seed) {
        Optimizer opt = Adam.keras(1e-3);
        if (tuning != null) {
            tuning.apply(model).bind(opt);
        }
        model.compile(opt, Losses::softmaxCrossEntropy);
        model.fit(ImageTensors.pixels(train), ImageTensors.labels(train),
                Fit.epochs(epochs).batchSize(32).seed(seed).verbose(0));
        model.eval();
        float[] logits = model.predict(ImageTensors.pixels(test)).to(Device.CPU).toFloatArray();
        return ClassificationMetrics.accuracy(ClassificationMetrics.argmaxRows(logits, 2), test.labels());
    }

    private static int[] classes(String text) {
        String[] parts = text.split(",");
        int n = FashionMnist.CLASSES.length;
        if (parts.length != 2) {
            throw new UsageException("--classes needs two class numbers in 0 … " + (n - 1) + ", got '" + text + "'");
        }
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 0 || out[i] >= n) {
                throw new UsageException("--classes needs two class numbers in 0 … " + (n - 1) + ", got '" + text + "'");
            }
        }
        if (out[0] == out[1]) {
            throw new UsageException("--classes needs two different classes, got '" + text + "'");
        }
        return out;
    }

    private static int[] others(int[] target) {
        List<Integer> rest = new ArrayList<>();
        for (int c = 0; c < FashionMnist.CLASSES.length; c++) {
            int candidate = c;
            if (Arrays.stream(target).noneMatch(t -> t == candidate)) {
                rest.add(c);
            }
        }
        return rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The images of {@code classes}, labelled by their position in it (0, 1, …). */
    private static LabeledImages relabel(LabeledImages all, int[] classes) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            int label = all.labels()[i];
            if (Arrays.stream(classes).anyMatch(c -> c == label)) {
                keep.add(i);
            }
        }
        LabeledImages chosen = all.select(keep.stream().mapToInt(Integer::intValue).toArray());
        int[] labels = chosen.labels().clone();
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < classes.length; k++) {
                if (labels[i] == classes[k]) {
                    labels[i] = k;
                    break;
                }
            }
        }
        return new LabeledImages(chosen.count(), chosen.rows(), chosen.cols(), chosen.pixels(), labels);
    }

    /** PER_CLASS images of each class, drawn without replacement by {@code seed}. */
    private static LabeledImages sample(LabeledImages images, long seed, int classes) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            int wanted = label;
            int[] pool = java.util.stream.IntStream.range(0, images.count())
                    .filter(i -> images.labels()[i] == wanted).toArray();
            for (int i = pool.length - 1; i > 0; i--) {   // Fisher–Yates
                int j = rng.nextInt(i + 1);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            for (int i = 0; i < PER_CLASS; i++) {
                chosen.add(pool[i]);
            }
        }
        return images.select(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.backend.Device;
import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.report.Axis;
import jgrad.report.BarChart;
import jgrad.train.Fit;
import jgrad.train.Sequential;
import jgrad.transfer.FewShot;
import jgrad.transfer.FineTuning;

/**
 * Transfer learning (article 002 §2.6) on Fashion-MNIST: a network ({@code --model mlp}, article 004's MLP, or
 * {@code cnn}, seed 003's CNN) pretrained on 8 classes, then fine-tuned to tell the other two apart
 * ({@code --classes A,B}; by default T-shirt/top (0) and Shirt (6), a pair often confused) from 100 labelled
 * training images of each; against the same network trained from scratch on those 200 images. Each way of
 * learning ({@link TransferNetwork#variants}) over 5 seeds (the 200 images and the new layers' start), test
 * accuracy on all 2,000 test images of the two classes. {@code --pretrained FILE} keeps the pretrained network
 * in a model file and reuses it when it was pretrained the same way.
 */
final class TransferExample implements Example {

    private static final int[] DEFAULT_TARGET = {0, 6};
    private static final int PER_CLASS = 100;
    private static final int SEEDS = 5;
    private static final int PRETRAIN_EPOCHS = 2;
    private static final List<String> OWN_OPTIONS = List.of("--classes", "--model", "--pretrained");

    @Override public String name() { return "transfer"; }
    @Override public String summary() {
        return "transfer learning: Fashion-MNIST MLP or CNN pretrained on 8 classes, fine-tuned on 2 with 100 images each";
    }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        Map<String, String> own = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (OWN_OPTIONS.contains(args[i])) {
                if (i + 1 >= args.length) {
                    throw new UsageException(args[i] + " needs a value");
                }
                if (own.putIfAbsent(args[i], args[i + 1]) != null) {
                    throw new UsageException(args[i] + " is given twice; give it once");
                }
            } else {
                rest.addAll(Arrays.asList(args).subList(i, Math.min(i + 2, args.length)));
            }
        }
        int[] pair = own.containsKey("--classes") ? classes(own.get("--classes")) : DEFAULT_TARGET;
        TransferNetwork network = TransferNetwork.of(own.getOrDefault("--model", "mlp"));
        Path cache = own.containsKey("--pretrained") ? ExampleOptions.path("--pretrained", own.get("--pretrained")) : null;
        ExampleOptions o = ExampleOptions.parse(rest.toArray(String[]::new), List.of("--epochs", "--seed", "--data"),
                30, 1);
        Split<LabeledImages> data = FashionMnist.load(FashionMnistExample.dataDirectory(o.data()));
        int[] sourceClasses = FewShot.otherClasses(FashionMnist.CLASSES.length, pair);
        LabeledImages test = FewShot.relabel(data.test(), pair);
        Sequential pretrained = new TransferPretraining(network, sourceClasses, PRETRAIN_EPOCHS, o.seed())
                .obtain(data.train(), cache, out);
        out.printf(Locale.ROOT, "target: %s vs %s, %d labelled training images per class, %d test images;"
                + " Adam 1e-3, batch 32, %d epochs%n", FashionMnist.CLASSES[pair[0]], FashionMnist.CLASSES[pair[1]],
                PER_CLASS, test.count(), o.epochs());
        List<TransferNetwork.Variant> variants = network.variants;
        double[][] accuracy = new double[variants.size()][SEEDS];
        LabeledImages target = FewShot.relabel(data.train(), pair);
        for (int s = 0; s < SEEDS; s++) {
            long seed = o.seed() + s;
            LabeledImages few = FewShot.sample(target, pair.length, PER_CLASS, seed);
            StringBuilder line = new StringBuilder("seed " + seed + ":");
            for (int v = 0; v < variants.size(); v++) {
                accuracy[v][s] = fitAndTest(network, variants.get(v), pretrained, few, test, o.epochs(), seed);
                line.append(String.format(Locale.ROOT, "  %s %.4f", variants.get(v).description(), accuracy[v][s]));
            }
            out.println(line);
            out.flush();
        }
        report.title("transfer: " + network.description + " pretrained on 8 Fashion-MNIST classes, fine-tuned on "
                + FashionMnist.CLASSES[pair[0]] + " vs " + FashionMnist.CLASSES[pair[1]]);
        report.note(String.format(Locale.ROOT, "%d labelled images per class, Adam 1e-3, batch 32, %d epochs, seeds %d–%d",
                PER_CLASS, o.epochs(), o.seed(), o.seed() + SEEDS - 1));
        report.figure(() -> accuracyChart(variants, accuracy, o.seed(), test.count()),
                "Test accuracy of each way of learning the target task, for each seed and their mean.");
        out.println("test accuracy over " + SEEDS + " seeds (mean ± sd):");
        for (int v = 0; v < variants.size(); v++) {
            out.printf(Locale.ROOT, "  %-58s %.4f ± %.4f%n", variants.get(v).description(), mean(accuracy[v]),
                    sd(accuracy[v]));
        }
        return 0;
    }

    private static double fitAndTest(TransferNetwork network, TransferNetwork.Variant variant, Sequential pretrained,
            LabeledImages train, LabeledImages test, int epochs, long seed) {
        Sequential model = network.build(2, seed);
        if (!variant.copied().isEmpty()) {
            FineTuning.copyLayers(pretrained, model, variant.copied().toArray(String[]::new));
        }
        for (int k = 0; k < variant.stages().size(); k++) {
            TransferNetwork.Stage stage = variant.stages().get(k);
            FineTuning tuning = FineTuning.of(model).freeze(stage.frozen().toArray(String[]::new));
            stage.rates().forEach(tuning::learningRate);
            model.compile(tuning.bind(Adam.keras(1e-3)), Losses::softmaxCrossEntropy);
            model.fit(network.input(train), ImageTensors.labels(train),
                    Fit.epochs(variant.epochs(k, epochs)).batchSize(32).seed(seed + k).verbose(0));
        }
        model.eval();
        float[] logits = model.predict(network.input(test)).to(Device.CPU).toFloatArray();
        return ClassificationMetrics.accuracy(ClassificationMetrics.argmaxRows(logits, 2), test.labels());
    }

    private static String accuracyChart(List<TransferNetwork.Variant> variants, double[][] accuracy, long firstSeed,
            int testImages) {
        BarChart chart = BarChart.titled("Target-task test accuracy by way of learning",
                variants.stream().map(TransferNetwork.Variant::description).toList())
                .value(Axis.of("test accuracy", "share of the " + testImages + " test images").range(0, 1));
        for (int s = 0; s < SEEDS; s++) {
            double[] bySeed = new double[variants.size()];
            for (int v = 0; v < variants.size(); v++) {
                bySeed[v] = accuracy[v][s];
            }
            chart.add("seed " + (firstSeed + s), bySeed);
        }
        return chart.add("mean", Arrays.stream(accuracy).mapToDouble(TransferExample::mean).toArray()).svg();
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

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}

package jgrad.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.io.AtomicFiles;
import jgrad.random.PhiloxRandom;
import jgrad.synth.ClosestRecords;
import jgrad.synth.CsvText;
import jgrad.synth.Ctgan;
import jgrad.synth.IndependentColumns;
import jgrad.synth.QualityReport;
import jgrad.synth.TrainOnSynthetic;
import jgrad.train.Model;

/**
 * {@code ./jgrad synth [--data CSV] [--schema bank] --rows N --out CSV [--epochs N] [--batch N] [--seed S]
 * [--condition COLUMN=VALUE]}: reads the bank clients (the demo's bundled file without {@code --data}), holds out 20 %, trains a CTGAN on the rest, writes N synthetic clients in the file's own format,
 * and prints the quality report, the demo classifier's AUC trained on synthetic against trained on real clients
 * (both scored on the held-out real ones), and each synthetic client's distance to its closest real one.
 */
final class SynthCommand implements Command {

    /** Fewer clients cannot fill a training set and a held-out set with both outcomes. */
    static final int MIN_ROWS = 50;
    static final double HELD_OUT = 0.2;
    static final int CLASSIFIER_EPOCHS = 20;
    /**
     * CTGAN's batch of 500 gives a 3,300-row table only 6 steps an epoch; batches of 100 (33 steps) for 100
     * epochs reach the targets on bank-additional.csv where 500 × 50 epochs did not (README).
     */
    static final int DEFAULT_BATCH = 100;
    static final int DEFAULT_EPOCHS = 100;

    /** Every column of the bank file: numbers, then categories (the target y last). */
    static final List<String> BANK_NUMERIC = List.of("age", "duration", "campaign", "pdays", "previous", "emp.var.rate",
            "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed");
    static final List<String> BANK_CATEGORICAL = categorical();

    private static final List<String> OPTIONS = List.of("--data", "--schema", "--rows", "--out", "--epochs", "--seed",
            "--condition", "--batch");

    @Override public String name() { return "synth"; }
    @Override public String usage() {
        return "[--data CSV] [--schema bank] --rows N --out CSV [--epochs N] [--batch N] [--seed S] [--condition COLUMN=VALUE]";
    }
    @Override public String summary() { return "synthetic customers from a tabular GAN (CTGAN), with a quality report"; }

    private static List<String> categorical() {
        List<String> c = new ArrayList<>(BankFeatures.CATEGORICAL);
        c.add(BankFeatures.TARGET);
        return List.copyOf(c);
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, OPTIONS);
        for (String required : List.of("--rows", "--out")) {
            if (!o.containsKey(required)) {
                throw new UsageException("needs " + required + " (usage: synth " + usage() + ")");
            }
        }
        if (!"bank".equals(o.getOrDefault("--schema", "bank"))) {
            throw new UsageException("--schema must be bank (the demo's classifier judges the synthetic rows), got '"
                    + o.get("--schema") + "'");
        }
        int rows = Main.positiveInt("--rows", o.get("--rows"));
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : DEFAULT_EPOCHS;
        int batch = o.containsKey("--batch") ? Main.positiveInt("--batch", o.get("--batch")) : DEFAULT_BATCH;
        if (batch % Ctgan.Options.defaults().pac() != 0) {
            throw new UsageException("--batch must be a multiple of " + Ctgan.Options.defaults().pac()
                    + " (the critic judges packs of that many rows), got " + batch);
        }
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 42;
        String[] condition = o.containsKey("--condition") ? parseCondition(o.get("--condition")) : null;
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null;
        Path outFile = ExampleOptions.path("--out", o.get("--out"));

        Table clients = BankClients.load(data);
        if (clients.rowCount() < MIN_ROWS) {
            throw new IllegalArgumentException(BankClients.describe(data) + ": holds " + clients.rowCount() + " clients; synth needs at least "
                    + MIN_ROWS + " to hold out " + Math.round(HELD_OUT * 100) + " % for the utility and privacy checks");
        }
        Split<int[]> split = Splits.random(clients.rowCount(), HELD_OUT, new SplittableRandom(seed));
        Table train = clients.select(split.train());
        Table test = clients.select(split.test());
        Ctgan.Options d = Ctgan.Options.defaults();
        Ctgan.Options options = d.withEpochs(epochs).withSeed(seed).withSizes(batch, d.noise(), d.hidden(), d.pac());
        Ctgan gan = Ctgan.create(train, BANK_NUMERIC, BANK_CATEGORICAL, options, DType.F32);
        if (condition != null) {
            gan.encoding().categoryId(condition[0], condition[1]);      // refused now, not after training
        }
        gan.to(BackendOption.device());
        SynthReport report = new SynthReport(out);
        report.header(BankClients.describe(data), train, test, gan, options);

        long start = System.nanoTime();
        gan.fit(train, report::epoch);
        double seconds = (System.nanoTime() - start) / 1e9;
        Table synthetic = condition == null ? gan.sample(rows, seed) : gan.sample(rows, seed, condition[0], condition[1]);
        AtomicFiles.write(outFile, stream -> stream.write(CsvText.write(synthetic, ';').getBytes(StandardCharsets.UTF_8)));
        out.printf(Locale.ROOT, "trained in %.1f s; wrote %d synthetic clients to %s%n%n", seconds, rows, outFile);

        QualityReport quality = QualityReport.of(train, synthetic, BANK_NUMERIC, BANK_CATEGORICAL);
        report.quality(quality);
        TrainOnSynthetic.Classifier classifier = (fit, scored) -> demoClassifier(fit, scored, seed);
        TrainOnSynthetic.Utility utility = null;
        if (condition == null) {
            utility = TrainOnSynthetic.compare(train, synthetic, test, BankFeatures.TARGET, classifier);
            report.utility(utility);
        }
        ClosestRecords dcr = new ClosestRecords(train, BANK_NUMERIC, BANK_CATEGORICAL);
        ClosestRecords.Summary privacy = dcr.summarize(synthetic);
        report.privacy(privacy, dcr.summarize(test));
        if (condition == null) {
            Table independent = IndependentColumns.sample(train, rows, new PhiloxRandom(seed, 4));
            report.baseline(quality, utility, privacy, QualityReport.of(train, independent, BANK_NUMERIC, BANK_CATEGORICAL),
                    TrainOnSynthetic.compare(train, independent, test, BankFeatures.TARGET, classifier),
                    dcr.summarize(independent));
        }
        return 0;
    }

    /** {@code COLUMN=VALUE}. */
    static String[] parseCondition(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageException("--condition must be COLUMN=VALUE (e.g. job=student), got '" + text + "'");
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }

    /** The demo's model (same features, architecture, early stopping) trained on {@code fit}, scoring {@code scored}. */
    static double[] demoClassifier(Table fit, Table scored, long seed) {
        Split<int[]> split = Splits.random(fit.rowCount(), DemoCommand.VALIDATION_FRACTION, new SplittableRandom(seed));
        Table train = fit.select(split.train());
        Table validation = fit.select(split.test());
        BankFeatures features = BankFeatures.fit(train);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Model model = BankModel.build(features, seed);
        DemoCommand.train(model, features, train, validation, CLASSIFIER_EPOCHS, seed, quiet);
        return BankModel.probabilities(model, features.inputs(scored));
    }
}

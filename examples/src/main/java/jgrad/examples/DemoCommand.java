package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.Backends;
import jgrad.campaign.ClientSchema;
import jgrad.campaign.CrossValidation;
import jgrad.campaign.LogisticResponse;
import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.io.ModelFiles;
import jgrad.metrics.CampaignAtBudget;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.loss.Losses;
import jgrad.optim.AdamW;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.History;
import jgrad.train.Model;
import jgrad.train.RocAucMetric;

/**
 * {@code ./jgrad demo}: what jgrad is for, in seconds, on data shipped with it. A bank's phone campaign:
 * learn from past calls which clients subscribe to a term deposit, then rank held-out clients and call the
 * most likely first. Prints the configuration, one line per epoch, the model's quality as a ranking and as
 * a campaign, per-segment results and the top prospects.
 */
public final class DemoCommand implements Command {

    public static final double TEST_FRACTION = 0.2;
    static final double VALIDATION_FRACTION = 0.1;
    static final double BUDGET = 0.10;
    public static final int BATCH = 64;
    static final double LEARNING_RATE = 1e-3;
    static final double WEIGHT_DECAY = 0.1;
    static final int EPOCHS = 10;
    static final int PROSPECTS = 8;

    @Override public String name() { return "demo"; }
    @Override public String usage() {
        return "[--epochs N] [--seed S] [--save FILE] [--data CSV] [--report DIR] [--cv K [--cv-repeats R]]";
    }
    @Override public String summary() { return "a term-deposit campaign model on bundled UCI bank data, in seconds"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        DemoCrossValidation.Options cv = DemoCrossValidation.Options.parse(args);
        ExampleOptions o = ExampleOptions.parse(cv.otherArgs(), List.of("--epochs", "--seed", "--save", "--data",
                "--report"), EPOCHS, 42);
        if (cv.folds() > 0) {
            DemoCrossValidation.run(o, cv, out);
            return 0;
        }
        Outcome outcome = run(o.data(), o.epochs(), o.seed(), out);
        if (o.report() != null) {
            ReportOption.write(DemoReport.of(outcome, o), o.report(), "demo", out);
        }
        if (o.save() != null) {
            ModelFiles.save(outcome.model(), o.save(), outcome.features().describe());
            out.println("\nsaved the model and its fitted vocabularies and scaling to " + ModelFiles.weightsPath(o.save())
                    + "; score clients with ./jgrad score --model " + o.save() + " --data CSV");
        }
        return 0;
    }

    /**
     * What a run produced: the model, its training history and its fitted features, the held-out clients'
     * probabilities and labels, the campaign.
     */
    public record Outcome(Model model, History history, BankFeatures features, double[] probabilities, int[] labels,
            CampaignAtBudget campaign) {
    }

    /** Fewer clients cannot fill a training, a validation and a test set with both outcomes. */
    static final int MIN_CLIENTS = 50;

    public static Outcome run(Path data, int epochs, long seed, PrintStream out) throws Exception {
        Table clients = BankClients.load(data);
        if (clients.rowCount() < MIN_CLIENTS) {
            throw new IllegalArgumentException(BankClients.describe(data) + ": holds " + clients.rowCount()
                    + " clients; the demo needs at least " + MIN_CLIENTS + " to split into training, validation and test");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Split<int[]> rows = Splits.random(clients.rowCount(), TEST_FRACTION, rng);
        Split<int[]> fitRows = Splits.random(rows.train().length, VALIDATION_FRACTION, rng);
        Table fit = clients.select(pick(rows.train(), fitRows.train()));
        Table validation = clients.select(pick(rows.train(), fitRows.test()));
        Table test = clients.select(rows.test());
        BankFeatures features = BankFeatures.fit(fit);
        printConfiguration(out, data, clients, fit, validation, test, features, epochs, seed);

        Model model = BankModel.build(features, seed);
        History history = train(model, features, fit, validation, epochs, seed, out);
        double[] probabilities = BankModel.probabilities(model, features.inputs(test));
        int[] labels = BankFeatures.labels(test);
        CampaignAtBudget campaign = CampaignAtBudget.of(probabilities, labels, BUDGET);
        report(out, test, probabilities, labels, campaign);
        printBaseline(out, fit, test, labels, ClassificationMetrics.rocAuc(probabilities, labels), seed);
        return new Outcome(model, history, features, probabilities, labels, campaign);
    }

    /**
     * Fits the model for all {@code epochs}; the validation clients are scored after each epoch for the curves but
     * choose nothing (stopping on 330 of them picked noisy epochs: README).
     */
    static History train(Model model, BankFeatures features, Table fit, Table validation, int epochs,
            long seed, PrintStream out) {
        model.to(BackendOption.device());
        model.compile(new AdamW(LEARNING_RATE, 0.9, 0.999, 1e-7, WEIGHT_DECAY), Losses::binaryCrossEntropy,
                new RocAucMetric());
        long start = System.nanoTime();
        History history = model.fit(features.inputs(fit), BankFeatures.targets(BankFeatures.labels(fit)), Fit.epochs(epochs)
                .batchSize(BATCH).seed(seed).output(out)
                .validationData(features.inputs(validation), BankFeatures.targets(BankFeatures.labels(validation))));
        out.printf(Locale.ROOT, "trained in %.1f s; kept the weights of the last epoch%n%n",
                (System.nanoTime() - start) / 1e9);
        return history;
    }

    /**
     * The baseline on the same split: ridge logistic regression ({@link LogisticResponse}) on the one-hot and
     * standardized features of the same training clients, scored on the same held-out clients.
     */
    private static void printBaseline(PrintStream out, Table fit, Table test, int[] labels, double modelAuc, long seed) {
        if (!hasBothOutcomes(labels)) {
            return;
        }
        double baseline = ClassificationMetrics.rocAuc(baselineScores(fit, test, seed), labels);
        out.printf(Locale.ROOT, "%nbaseline  ridge logistic regression (λ %.0f) on the same training clients, one-hot and"
                + " standardized features: held-out ROC AUC %.4f; this model %.4f (%+.4f)%n", LogisticResponse.LAMBDA,
                baseline, modelAuc, modelAuc - baseline);
    }

    /** P(subscribe) of the {@code score} clients by ridge logistic regression fitted on the {@code fit} clients. */
    static double[] baselineScores(Table fit, Table score, long seed) {
        return CrossValidation.onFeatures(ClientSchema.BANK, new LogisticResponse()).fitAndScore(fit, score, seed);
    }

    private static boolean hasBothOutcomes(int[] labels) {
        int positives = 0;
        for (int y : labels) {
            positives += y;
        }
        return positives > 0 && positives < labels.length;
    }

    private static void report(PrintStream out, Table test, double[] p, int[] labels, CampaignAtBudget campaign) {
        CampaignReport report = new CampaignReport(out);
        report.metrics(campaign, p, labels);
        report.byAge(test, p, labels, campaign.called());
        report.byPreviousOutcome(test, p, labels, campaign.called());
        report.topProspects(test, p, labels, campaign.called(), PROSPECTS);
    }

    /** The rows {@code of[positions[i]]}. */
    static int[] pick(int[] of, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = of[positions[i]];
        }
        return out;
    }

    private static void printConfiguration(PrintStream out, Path data, Table all, Table fit, Table validation,
            Table test, BankFeatures features, int epochs, long seed) {
        out.println("jgrad demo: which bank clients will subscribe to a term deposit if called?");
        out.printf(Locale.ROOT, "data      %s: %d clients, %s%n", BankClients.describe(data), all.rowCount(),
                BankClients.CITATION);
        out.printf(Locale.ROOT, "split     seeded (seed %d): %d train, %d validation, %d held-out test clients;"
                + " vocabularies and scaling fitted on the %d training rows only%n", seed, fit.rowCount(),
                validation.rowCount(), test.rowCount(), fit.rowCount());
        out.println("features  " + String.join(", ", BankFeatures.CATEGORICAL) + " (categorical); "
                + String.join(", ", BankFeatures.NUMERIC) + " (standardized)");
        out.println("          'duration' is dropped: a call's length is known only after the call and gives the answer away");
        out.println("model     " + BankModel.describe(features));
        out.printf(Locale.ROOT, "training  binary cross-entropy from the logit, AdamW lr %s, weight decay %s, batch %d,"
                + " %d epochs (the validation clients are watched, not used to stop), backend %s%n%n",
                LEARNING_RATE, WEIGHT_DECAY, BATCH, epochs, Backends.current().name());
    }
}

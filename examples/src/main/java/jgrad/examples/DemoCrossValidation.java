package jgrad.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.campaign.CrossValidation.PairedDifference;
import jgrad.campaign.CrossValidation.Result;
import jgrad.campaign.CrossValidation.TableLearner;
import jgrad.campaign.CrossValidation;
import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.train.Model;

/**
 * {@code ./jgrad demo --cv K [--cv-repeats R]}: the demo's network and ridge logistic regression on the same K folds,
 * shuffled R times from {@code --seed}. In each fold both are fitted on the same clients, the fold's training rows
 * less the share the demo holds out for its validation curves, so the comparison is the demo's own, repeated.
 */
final class DemoCrossValidation {

    /** {@code --cv} and {@code --cv-repeats}; the rest of the arguments go to the demo's own parser. */
    record Options(int folds, int repeats, String[] otherArgs) {

        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>();
            List<String> ours = new ArrayList<>();
            for (int i = 0; i < args.length; i += 2) {
                List<String> to = args[i].equals("--cv") || args[i].equals("--cv-repeats") ? ours : rest;
                to.addAll(List.of(args).subList(i, Math.min(i + 2, args.length)));
            }
            Map<String, String> cv = OptionPairs.parse(ours.toArray(String[]::new), List.of("--cv", "--cv-repeats"));
            int folds = cv.containsKey("--cv") ? Main.positiveInt("--cv", cv.get("--cv")) : 0;
            if (folds == 1) {
                throw new UsageException("--cv needs at least 2 folds, got 1");
            }
            if (cv.containsKey("--cv-repeats") && folds == 0) {
                throw new UsageException("--cv-repeats needs --cv K");
            }
            int repeats = cv.containsKey("--cv-repeats") ? Main.positiveInt("--cv-repeats", cv.get("--cv-repeats")) : 1;
            return new Options(folds, repeats, rest.toArray(String[]::new));
        }
    }

    private DemoCrossValidation() {
    }

    static void run(ExampleOptions o, Options cv, PrintStream out) throws Exception {
        Table clients = BankClients.load(o.data());
        if (clients.rowCount() < cv.folds() * DemoCommand.MIN_CLIENTS / 5) {
            throw new IllegalArgumentException(BankClients.describe(o.data()) + ": holds " + clients.rowCount()
                    + " clients, too few for " + cv.folds() + " folds");
        }
        String shuffles = cv.repeats() == 1 ? "1 shuffle (seed " + o.seed() + ")"
                : cv.repeats() + " shuffles (seeds " + o.seed() + "…" + (o.seed() + cv.repeats() - 1) + ")";
        out.printf(Locale.ROOT, "jgrad demo --cv: %d folds × %s of %d clients from %s; in each fold both models are"
                + " fitted on the same %.0f %% of the training rows, %d epochs for the network%n", cv.folds(), shuffles,
                clients.rowCount(), BankClients.describe(o.data()), 100 * (1 - DemoCommand.VALIDATION_FRACTION),
                o.epochs());
        long start = System.nanoTime();
        Result[] r = CrossValidation.run(clients, BankFeatures.TARGET, cv.folds(), o.seed(), cv.repeats(),
                network(o.epochs()), logisticRegression());
        for (Result result : r) {
            out.printf(Locale.ROOT, "  %-22s ROC AUC %.4f ± %.4f (sd over %d folds)%n", result.learner(), result.mean(),
                    result.sd(), result.foldAuc().length);
        }
        PairedDifference d = PairedDifference.of(r[0], r[1]);
        out.printf(Locale.ROOT, "  paired difference      %+.4f ± %.4f (standard error); the network is not below in %d of"
                + " %d folds%n", d.mean(), d.standardError(), d.notBelow(), d.folds());
        out.printf(Locale.ROOT, "in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The demo's network ({@link BankModel}, trained as {@link DemoCommand#train}), fitted on the kept rows. */
    static TableLearner network(int epochs) {
        return learner("demo network", (fit, validation, score, seed) -> {
            BankFeatures features = BankFeatures.fit(fit);
            Model model = BankModel.build(features, seed);
            DemoCommand.train(model, features, fit, validation, epochs, seed, new PrintStream(OutputStream.nullOutputStream()));
            return BankModel.probabilities(model, features.inputs(score));
        });
    }

    /** Ridge logistic regression on the same kept rows. */
    static TableLearner logisticRegression() {
        return learner("logistic regression", (fit, validation, score, seed) -> DemoCommand.baselineScores(fit, score, seed));
    }

    private interface OnKeptRows {
        double[] fitAndScore(Table fit, Table validation, Table score, long seed);
    }

    /** Holds out the demo's validation share of the training rows, as the demo does, then fits on the rest. */
    private static TableLearner learner(String name, OnKeptRows body) {
        return new TableLearner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] fitAndScore(Table train, Table score, long seed) {
                Split<int[]> rows = Splits.random(train.rowCount(), DemoCommand.VALIDATION_FRACTION, new SplittableRandom(seed));
                return body.fitAndScore(train.select(rows.train()), train.select(rows.test()), score, seed);
            }
        };
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import jgrad.backend.DType;
import jgrad.ctr.CtrData;
import jgrad.ctr.CtrExperiment;
import jgrad.ctr.CtrModel;
import jgrad.ctr.CtrTraining;
import jgrad.ctr.DinConfig;
import jgrad.ctr.DinModel;
import jgrad.ctr.LogisticCtr;
import jgrad.ctr.Pooling;
import jgrad.ctr.Unit;

/**
 * {@code din}: click-through prediction on MovieLens 100K from the user, the candidate movie and the movies
 * rated before (article 002 §2.3; Zhou et al. 2018): logistic regression, the embedding model with the
 * history mean-pooled, and the same with DIN's attention, each from several seeds, test AUC and log loss.
 */
final class DinExample implements Example {

    private static final List<String> OPTIONS = List.of("--data", "--model", "--seeds", "--seed", "--epochs",
            "--history", "--mba", "--dropout", "--unit", "--mlp-unit");
    private static final List<String> MODELS = List.of("lr", "mean", "attention", "softmax");

    @Override public String name() { return "din"; }

    @Override
    public String summary() {
        return "click-through from a user's history on MovieLens 100K: logistic regression, mean pooling, DIN attention";
    }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) {
        Options o = Options.parse(args);
        CtrData data = CtrData.movieLens(MovieLensFiles.open(o.data), o.history);
        out.printf(Locale.ROOT, "din: %s%n", summary());
        out.printf(Locale.ROOT, "MovieLens 100K, label rating >= 4, history <= %d earlier movies; %,d training, %,d "
                        + "validation, %,d test ratings (last 10 %% of each user's, by time); clicks %.3f / %.3f / %.3f%n",
                o.history, data.train().size(), data.validation().size(), data.test().size(),
                data.train().positiveRate(), data.validation().positiveRate(), data.test().positiveRate());
        if (data.truncatedHistories() > 0) {
            out.printf(Locale.ROOT, "%,d ratings come after more than %d earlier ones: their histories keep the latest %d "
                    + "(truncated from the left)%n", data.truncatedHistories(), o.history, o.history);
        }
        CtrTraining.Settings settings = CtrTraining.Settings.standard(o.epochs).withMbaLambda(o.mba);
        out.printf(Locale.ROOT, "Adam %.0e, batch %d, at most %d epochs, stop after %d without a better validation AUC"
                        + "%s; seeds %s%n", settings.learningRate(), settings.batchSize(), settings.maxEpochs(),
                settings.patience(), o.mba > 0 ? ", mini-batch aware L2 " + o.mba : "",
                java.util.Arrays.toString(o.seeds()));
        report.title("din: " + summary());
        report.note("validation AUC and log loss after each epoch, for every model and seed");
        List<CtrExperiment.Summary> summaries = new ArrayList<>();
        for (String model : o.models) {
            DinConfig config = o.config(model);
            out.println(model + ": " + (config == null ? "logistic regression" : config));
            int[] run = {-1};   // the seeds run one after the other, each from epoch 1
            summaries.add(CtrExperiment.run(model, (d, rng) -> build(config, d, rng), data, settings, o.seeds(),
                    BackendOption.device(), e -> {
                        out.printf(Locale.ROOT, "  %-9s epoch %2d  loss %.4f  validation AUC %.4f  log loss %.4f  %.1f s%n",
                                model, e.number(), e.trainLoss(), e.validation().auc(), e.validation().logLoss(),
                                e.seconds());
                        run[0] += e.number() == 1 ? 1 : 0;
                        Map<String, Double> logs = new java.util.LinkedHashMap<>();
                        logs.put("loss", e.trainLoss());
                        logs.put("val_AUC", e.validation().auc());
                        logs.put("val_log loss", e.validation().logLoss());
                        report.epoch(model + " seed " + o.seeds()[run[0]], e.number(), logs);
                    }));
        }
        printTable(summaries, out);
        return 0;
    }

    private static CtrModel build(DinConfig config, CtrData d, java.util.random.RandomGenerator rng) {
        return config == null ? new LogisticCtr(d.userIds(), d.genres(), DType.F32, rng)
                : new DinModel(d.userIds(), d.genres(), config, DType.F32, rng);
    }

    private static void printTable(List<CtrExperiment.Summary> summaries, PrintStream out) {
        out.println();
        out.println("model       test AUC          test log loss     best epoch  s/epoch");
        for (CtrExperiment.Summary s : summaries) {
            out.printf(Locale.ROOT, "%-10s  %.4f ± %.4f   %.4f ± %.4f   %5.1f     %6.1f%n", s.model(), s.meanAuc(),
                    s.sdAuc(), s.meanLogLoss(), s.sdLogLoss(), s.meanBestEpoch(), s.secondsPerEpoch());
        }
        out.println("(mean ± sample standard deviation over the seeds; the test scores of each seed's best validation epoch)");
    }

    /** The parsed command line. */
    private record Options(Path data, List<String> models, int seedCount, long firstSeed, int epochs, int history,
                           double mba, double dropout, Unit unit, Unit mlpUnit) {

        static Options parse(String[] args) {
            Map<String, String> given = OptionPairs.parse(args, OPTIONS);
            String model = given.getOrDefault("--model", "all");
            if (!model.equals("all") && !MODELS.contains(model)) {
                throw new UsageException("--model must be one of lr, mean, attention, softmax, all; got '" + model + "'");
            }
            return new Options(given.containsKey("--data") ? ExampleOptions.path("--data", given.get("--data")) : null,
                    model.equals("all") ? List.of("lr", "mean", "attention") : List.of(model),
                    Main.positiveInt("--seeds", given.getOrDefault("--seeds", "3")),
                    ExampleOptions.parseSeed(given.getOrDefault("--seed", "1")),
                    Main.positiveInt("--epochs", given.getOrDefault("--epochs", "20")),
                    Main.positiveInt("--history", given.getOrDefault("--history", "50")),
                    fraction("--mba", given.getOrDefault("--mba", "0"), false),
                    fraction("--dropout", given.getOrDefault("--dropout", "0"), true),
                    unit("--unit", given.getOrDefault("--unit", "dice")),
                    unit("--mlp-unit", given.getOrDefault("--mlp-unit", "relu")));
        }

        long[] seeds() {
            return LongStream.range(firstSeed, firstSeed + seedCount).toArray();
        }

        /** The DIN settings of a model name, null for logistic regression. */
        DinConfig config(String model) {
            if (model.equals("lr")) {
                return null;
            }
            return DinConfig.standard(Pooling.parse(model)).withAttentionUnit(unit).withMlpUnit(mlpUnit)
                    .withDropout(dropout);
        }

        private static Unit unit(String option, String text) {
            try {
                return Unit.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + " must be relu, sigmoid or dice, got '" + text + "'");
            }
        }

        /** A number ≥ 0 (below 1 when {@code belowOne}). */
        private static double fraction(String option, String text, boolean belowOne) {
            try {
                double v = Double.parseDouble(text);
                if (v >= 0 && Double.isFinite(v) && (!belowOne || v < 1)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the explanation
            }
            throw new UsageException(option + " must be a number " + (belowOne ? "in [0, 1)" : "of 0 or more")
                    + ", got '" + text + "'");
        }
    }
}

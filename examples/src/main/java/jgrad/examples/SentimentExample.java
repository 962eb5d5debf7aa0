package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.backend.Backends;
import jgrad.report.Axis;
import jgrad.report.BarChart;
import jgrad.data.SharedData;
import jgrad.text.CrossValidation;
import jgrad.text.LabeledSentences;
import jgrad.text.SentimentModel;
import jgrad.text.SentimentSettings;

/**
 * {@code ./jgrad example sentiment [--folds N] [--first F] [--skip S] [--model cnn|lstm|bow|all] [--epochs E] [--dim D]
 * [--seed S] [--data DIR] [--save FILE] [--edge-padding K] [--word-path true|false] [--ensemble M]}: seed 004's sentiment analysis of customer feedback on the movie-review sentences of Pang and
 * Lee (MR): k-fold cross-validation accuracy of each model, folds seeded; {@code --save} then trains the one
 * chosen model on every sentence and saves it for {@code ./jgrad sentiment}. {@code --first F} runs only the
 * first F of the N folds (a quicker estimate), {@code --skip S} leaves out the first S (to share one run's folds
 * among processes); {@code --epochs} is the most a model trains, {@code --dim} its
 * embedding size; {@code --edge-padding K} puts K padding ids before and after every sentence for the CNN
 * (Kim pads with the widest filter − 1 = 4); {@code --word-path true} adds to the CNN's logits a linear term over
 * the sentence's words; {@code --ensemble M} scores each fold by the mean P(positive) of M models trained from
 * different seeds (cross-validation only).
 */
final class SentimentExample implements Example {

    static final String DATA = "mr-polarity";

    @Override public String name() { return "sentiment"; }
    @Override public String summary() { return "seed 004: sentence polarity (MR), 10-fold CV of a Kim CNN, an LSTM, bag of words"; }


    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        Map<String, String> o = OptionPairs.parse(args,
                List.of("--folds", "--first", "--skip", "--model", "--epochs", "--dim", "--seed", "--data", "--save",
                        "--edge-padding", "--optimizer", "--learning-rate", "--embedding-scale", "--patience",
                        "--word-dropout", "--word-path", "--ensemble", "--development"));
        int folds = o.containsKey("--folds") ? Main.positiveInt("--folds", o.get("--folds")) : 10;
        int first = o.containsKey("--first") ? Main.positiveInt("--first", o.get("--first")) : folds;
        int skip = o.containsKey("--skip") ? Main.positiveInt("--skip", o.get("--skip")) : 0;
        if (skip >= Math.min(first, folds)) {
            throw new UsageException("--skip " + skip + " leaves no fold to run (folds " + (skip + 1) + "–"
                    + Math.min(first, folds) + ")");
        }
        Integer epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : null;
        Integer dim = o.containsKey("--dim") ? Main.positiveInt("--dim", o.get("--dim")) : null;
        int edges = o.containsKey("--edge-padding") ? Main.positiveInt("--edge-padding", o.get("--edge-padding")) : 0;
        List<SentimentModel.Kind> kinds = kinds(o.getOrDefault("--model", "all"));
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 42;
        Path save = o.containsKey("--save") ? ExampleOptions.savePath(o.get("--save")) : null;
        if (save != null && o.containsKey("--ensemble") && !o.get("--ensemble").equals("1")) {
            throw new UsageException("--save keeps one model: --ensemble " + o.get("--ensemble")
                    + " is for cross-validation only");
        }
        if (save != null && kinds.size() != 1) {
            throw new UsageException("--save needs one model: add --model cnn, lstm or bow");
        }
        if (folds < 2 && save == null) {
            throw new UsageException("--folds must be at least 2 (or 1 with --save: train on every sentence and save)");
        }
        training(o, SentimentSettings.defaults(SentimentModel.Kind.CNN, seed));   // bad training options fail before the data is read
        Path dir = dataDirectory(o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null);
        LabeledSentences data = LabeledSentences.polarity(dir);
        out.printf(Locale.ROOT, "sentiment (seed 004): %d sentences from %s, %s, seed %d, backend %s%n", data.size(), dir,
                folds >= 2 ? folds + "-fold cross-validation" : "no cross-validation (--folds 1)", seed,
                Backends.current().name());
        for (SentimentModel.Kind kind : kinds) {
            SentimentSettings s = training(o, settings(kind, seed, epochs, dim).withEdgePadding(edges));
            if (folds >= 2) {
                crossValidate(kind, data, folds, skip, Math.min(first, folds), s, out, report);
            }
            if (save != null) {
                SentimentModel m = SentimentModel.train(kind, data, s, BackendOption.device());
                m.save(save);
                out.printf(Locale.ROOT, "saved %s trained on all %d sentences to %s%n", kind.label(), data.size(), save);
            }
        }
        return 0;
    }

    private static void crossValidate(SentimentModel.Kind kind, LabeledSentences data, int folds, int skip, int first,
                                      SentimentSettings s, PrintStream out, ExampleReport report) {
        out.printf(Locale.ROOT, "%n%s: %s%n", kind.label(), describe(kind, s));
        List<CrossValidation.Fold> results = CrossValidation.run(kind, data, folds, skip, first, s, BackendOption.device(),
                f -> out.printf(Locale.ROOT, "  fold %2d  train %5d  test %4d  accuracy %.4f  %6.1f s%s%n", f.index(),
                        f.trainSize(), f.testSize(), f.accuracy(), f.seconds(), selection(f)));
        if (results.size() == 1) {                    // a spread needs two folds: say which fold, not "± NaN"
            out.printf(Locale.ROOT, "%s %d-fold accuracy %.4f (fold %d only)%n", kind.label(), folds,
                    CrossValidation.mean(results), results.get(0).index());
        } else {
            out.printf(Locale.ROOT, "%s %d-fold accuracy %.4f ± %.4f (mean ± sd over %s)%n", kind.label(), folds,
                    CrossValidation.mean(results), CrossValidation.standardDeviation(results),
                    skip > 0 || first < folds ? "folds " + (skip + 1) + "–" + first : "folds");
        }
        report.figure(() -> foldChart(kind, results), kind.label() + ": test accuracy of each fold, mean "
                + String.format(Locale.ROOT, "%.4f", CrossValidation.mean(results)) + ".");
    }

    /** Each fold's test accuracy as a bar. */
    private static String foldChart(SentimentModel.Kind kind, List<CrossValidation.Fold> results) {
        return BarChart.titled(kind.label() + ": accuracy by fold",
                        results.stream().map(f -> "fold " + f.index()).toList())
                .value(Axis.of("test accuracy", "share of the fold's sentences").range(0, 1))
                .add(kind.label(), results.stream().mapToDouble(CrossValidation.Fold::accuracy).toArray())
                .svg();
    }

    /** "  epoch 4 of 7 kept (dev 0.71 0.74 …)" when a development share chose the epoch, else nothing. */
    private static String selection(CrossValidation.Fold f) {
        if (f.development().isEmpty()) {
            return "";
        }
        StringBuilder dev = new StringBuilder();
        f.development().forEach(a -> dev.append(String.format(Locale.ROOT, " %.3f", a)));
        return String.format(Locale.ROOT, "  epoch %d of %d kept (dev%s)", f.keptEpoch(), f.development().size(), dev);
    }

    private static String describe(SentimentModel.Kind kind, SentimentSettings s) {
        String training = String.format(Locale.ROOT, "%s %s, batch %d, %s", s.rule() == SentimentSettings.Rule.ADAM
                        ? "Adam" : "Adadelta (rho 0.95, eps 1e-6) lr", Double.toString(s.learningRate()), s.batchSize(),
                s.devFraction() > 0 ? String.format(Locale.ROOT, "at most %d epochs, the best on a %.0f %% development"
                        + " share of the training folds kept (%s)", s.epochs(), 100 * s.devFraction(),
                        s.patience() == 0 ? "every epoch trained" : "stop after " + s.patience() + " without progress")
                        : s.epochs() + " epochs")
                + (s.embeddingScale() == SentimentSettings.KERAS_EMBEDDING_SCALE ? ""
                : String.format(Locale.ROOT, ", embeddings start in U[-%s, %s]", s.embeddingScale(), s.embeddingScale()))
                + (s.wordDropout() == 0 ? "" : ", word dropout " + s.wordDropout())
                + (s.ensemble() == 1 ? "" : ", mean P(positive) of " + s.ensemble() + " models from different seeds");
        return switch (kind) {
            case CNN -> "Kim CNN-rand: embeddings " + s.dim() + " from scratch, widths 3/4/5 × 100 maps, relu,"
                    + " max-over-time, dropout 0.5" + (s.maxNorm() == Double.POSITIVE_INFINITY ? ""
                    : ", output rows max-norm " + s.maxNorm()) + (s.edgePadding() == 0 ? ""
                    : ", " + s.edgePadding() + " padding ids at both ends") + (s.wordPath()
                    ? ", plus a linear term over the words (lr × 10)" : "") + "; " + training;
            case LSTM -> "embeddings " + s.dim() + " → LSTM(" + s.hidden() + ") last state → dropout 0.5 → Dense(2); "
                    + training;
            case BOW -> "logistic regression on binary bag of words; " + training;
        };
    }

    /**
     * The defaults changed by --optimizer (Adadelta at rate 1 unless --learning-rate), --embedding-scale,
     * --word-dropout, --development (the share held out to pick the epoch; 0: none), --patience, --word-path (the CNN's linear term over the words), --ensemble (models averaged).
     */
    private static SentimentSettings training(Map<String, String> o, SentimentSettings s) {
        if (o.containsKey("--optimizer")) {
            SentimentSettings.Rule rule = rule(o.get("--optimizer"));
            s = s.withRule(rule, rule == SentimentSettings.Rule.ADADELTA ? 1.0 : s.learningRate());
        }
        if (o.containsKey("--learning-rate")) {
            s = s.withRule(s.rule(), Main.positiveNumber("--learning-rate", o.get("--learning-rate")));
        }
        if (o.containsKey("--embedding-scale")) {
            s = s.withEmbeddingScale(Main.positiveNumber("--embedding-scale", o.get("--embedding-scale")));
        }
        if (o.containsKey("--word-dropout")) {
            double rate = Main.nonNegativeNumber("--word-dropout", o.get("--word-dropout"));
            if (rate >= 1) {
                throw new UsageException("--word-dropout must be below 1, got '" + o.get("--word-dropout") + "'");
            }
            s = s.withWordDropout(rate);
        }
        if (o.containsKey("--development")) {
            double share = Main.nonNegativeNumber("--development", o.get("--development"));
            if (share >= 1) {
                throw new UsageException("--development must be below 1, got '" + o.get("--development") + "'");
            }
            s = s.withSelection(share, s.patience());
        }
        if (o.containsKey("--patience")) {
            s = s.withSelection(s.devFraction(), patience(o.get("--patience")));
        }
        if (o.containsKey("--word-path")) {
            s = s.withWordPath(switch (o.get("--word-path")) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new UsageException("--word-path must be true or false, got '" + o.get("--word-path")
                        + "'");
            });
        }
        if (o.containsKey("--ensemble")) {
            s = s.withEnsemble(Main.positiveInt("--ensemble", o.get("--ensemble")));
        }
        return s;
    }

    /** Epochs without progress before stopping; 0 trains every epoch. */
    private static int patience(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the explanation
        }
        throw new UsageException("--patience must be a whole number ≥ 0 (0: every epoch), got '" + text + "'");
    }

    private static SentimentSettings.Rule rule(String name) {
        for (SentimentSettings.Rule r : SentimentSettings.Rule.values()) {
            if (r.label().equals(name)) {
                return r;
            }
        }
        throw new UsageException("--optimizer must be adam or adadelta, got '" + name + "'");
    }

    private static SentimentSettings settings(SentimentModel.Kind kind, long seed, Integer epochs, Integer dim) {
        SentimentSettings s = SentimentSettings.defaults(kind, seed);
        s = epochs == null ? s : s.withEpochs(epochs);
        return dim == null ? s : s.withDim(dim);
    }

    private static List<SentimentModel.Kind> kinds(String model) {
        if (model.equals("all")) {
            return List.of(SentimentModel.Kind.BOW, SentimentModel.Kind.CNN, SentimentModel.Kind.LSTM);
        }
        try {
            return new ArrayList<>(List.of(SentimentModel.Kind.parse(model)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model must be cnn, lstm, bow or all, got '" + model + "'");
        }
    }

    private static Path dataDirectory(Path given) {
        Path dir = given != null ? given : SharedData.find(DATA).orElseThrow(() -> new IllegalStateException(
                "the movie-review sentences (" + DATA + ") are not in the data folder: " + SharedData.HOW_TO_GET));
        if (!Files.isRegularFile(dir.resolve(LabeledSentences.POSITIVE_FILE))
                || !Files.isRegularFile(dir.resolve(LabeledSentences.NEGATIVE_FILE))) {
            throw new IllegalArgumentException("--data " + dir + ": expected " + LabeledSentences.POSITIVE_FILE
                    + " and " + LabeledSentences.NEGATIVE_FILE + " there (Pang and Lee's sentence polarity v1.0)");
        }
        return dir;
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.data.Ratings;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.io.ModelFiles;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.optim.Regularizer;
import jgrad.recsys.BiasedMF;
import jgrad.recsys.ConcatRecommender;
import jgrad.recsys.DotRecommender;
import jgrad.recsys.Evaluation;
import jgrad.recsys.PairModel;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.train.EarlyStopping;
import jgrad.train.Fit;

/**
 * {@code movie-dot} (article 000), {@code movie-concat} (article 001) and {@code movie-bmf}: rating
 * predictors of (user, movie) pairs trained with MSE on u1.base and tested on u1.test.
 */
final class RatingExample implements Example {

    /** The three variants and their protocols. */
    enum Variant {
        DOT("movie-dot", "article 000: embeddings 32 + 32 -> dot -> Dense(1), MSE, Adam 1e-3, batch 256", 256, 10),
        CONCAT("movie-concat", "article 001: embeddings 64 + 64 -> concat -> Dense(1), MSE, Adam 1e-3, batch 32", 32, 10),
        BMF("movie-bmf", "biased MF mu + b_u + b_i + p_u.q_i, d = 32, L2, early stopping on 10 % of u1.base", 256, 60);

        final String name;
        final String summary;
        final int batch;
        final int epochs;

        Variant(String name, String summary, int batch, int epochs) {
            this.name = name;
            this.summary = summary;
            this.batch = batch;
            this.epochs = epochs;
        }
    }

    static final double BMF_L2 = 1.5e-4;
    static final int BMF_PATIENCE = 3;
    static final double BMF_LR = 1e-3;

    private final Variant variant;

    RatingExample(Variant variant) {
        this.variant = variant;
    }

    @Override public String name() { return variant.name; }
    @Override public String summary() { return variant.summary; }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport hook) throws Exception {
        ExampleOptions o = ExampleOptions.parse(args, List.of("--data", "--epochs", "--seed", "--save"), variant.epochs, 1);
        MovieRatings data = MovieRatings.u1(o.data());
        Ratings train = data.train();
        // Biased MF stops early on a random tenth of u1.base (u1.base is sorted by user: its tail is not a sample).
        Split<Ratings> fitVal = variant == Variant.BMF
                ? Splits.apply(train, Splits.random(train.size(), 0.1, new SplittableRandom(o.seed())))
                : null;
        Ratings fitOn = fitVal == null ? train : fitVal.train();
        PairModel model = build(data, fitOn, o.seed());
        Optimizer adam = Adam.keras(variant == Variant.BMF ? BMF_LR : 1e-3);
        if (variant == Variant.BMF) {
            adam.regularize(Regularizer.l2(BMF_L2), BiasedMF.PENALIZED);
        }
        model.to(BackendOption.device());
        model.compile(adam, Losses::mse);

        out.println(variant.name + ": " + variant.summary);
        out.println(data.describe());
        out.printf(Locale.ROOT, "model %s %s, %,d parameters; epochs %d, seed %d%n", model.type(), model.config(),
                parameterCount(model), o.epochs(), o.seed());

        Ratings test = data.test();
        RecsysReport report = new RecsysReport("", o.epochs(), m -> Map.of("test_rmse",
                Evaluation.rmse((PairModel) m, test.users(), test.items(), test.ratings())), out).recording(hook);
        Fit fit = Fit.epochs(o.epochs()).batchSize(variant.batch).seed(o.seed()).verbose(0);
        if (variant == Variant.BMF) {
            Ratings val = fitVal.test();
            out.printf("early stopping: %,d ratings for fitting, %,d for validation, patience %d, L2 %.2g on every row at every step (dense, as weight decay)%n",
                    fitOn.size(), val.size(), BMF_PATIENCE, BMF_L2);
            fit.validationData(PairModel.inputs(val.users(), val.items()), MovieRatings.column(val.ratings()))
                    .callbacks(report, new EarlyStopping("val_loss", BMF_PATIENCE, 0, true));
        } else {
            fit.callbacks(report);
        }
        model.fit(PairModel.inputs(fitOn.users(), fitOn.items()), MovieRatings.column(fitOn.ratings()), fit);

        double rmse = Evaluation.rmse(model, test.users(), test.items(), test.ratings());
        out.printf(Locale.ROOT, "final: test RMSE %.4f after %d epochs%s; %.2f s per training epoch (%,d steps of %d)%n",
                rmse, report.epochsRun(), variant == Variant.BMF ? " (best validation epoch restored)" : "",
                report.secondsPerEpoch(), (fitOn.size() + variant.batch - 1) / variant.batch, variant.batch);
        if (o.save() != null) {
            ModelFiles.save(model, o.save(), TrainedUsers.describe(fitOn.users()));
            out.println("saved the model and the users it was trained on to " + ModelFiles.weightsPath(o.save()));
        }
        return 0;
    }

    private PairModel build(MovieRatings data, Ratings fitOn, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (variant) {
            case DOT -> new DotRecommender(data.numUsers(), data.numItems(), 32, DType.F32, rng);
            case CONCAT -> new ConcatRecommender(data.numUsers(), data.numItems(), 64, 64, DType.F32, rng);
            case BMF -> new BiasedMF(data.numUsers(), data.numItems(), 32, fitOn.meanRating(), true, DType.F32, rng);
        };
    }

    static long parameterCount(jgrad.nn.Module model) {
        return model.parameters().values().stream().mapToLong(Tensor::numel).sum();
    }
}

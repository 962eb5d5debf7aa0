package jgrad.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.data.Ratings;
import jgrad.io.ModelFiles;
import jgrad.optim.Adam;
import jgrad.recsys.Evaluation;
import jgrad.recsys.UserMlpRecommender;
import jgrad.backend.DType;
import jgrad.train.Fit;

/**
 * {@code movie-mlp} (article 003): each user's whole row of ratings predicted from the user id, trained on
 * the rated entries of u1.base only (masked MSE), tested on the entries of u1.test.
 */
final class MovieMlpExample implements Example {

    static final int EMBEDDING = 64;
    static final int HIDDEN = 128;
    static final int BATCH = 32;
    /** Keras's default, as in the article. */
    static final double LEARNING_RATE = 1e-3;

    @Override public String name() { return "movie-mlp"; }
    @Override public String summary() { return "article 003: user embedding 64 -> Dense(128, relu) -> Dense(1682), masked MSE"; }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport hook) throws Exception {
        ExampleOptions o = ExampleOptions.parse(args, List.of("--data", "--epochs", "--seed", "--save"), 10, 1);
        MovieRatings data = MovieRatings.u1(o.data());
        UserMlpRecommender model = new UserMlpRecommender(data.numUsers(), data.numItems(), EMBEDDING, HIDDEN, DType.F32,
                new SplittableRandom(o.seed()));
        model.to(BackendOption.device());
        model.compile(Adam.keras(LEARNING_RATE), UserMlpRecommender::maskedMse);
        out.println("movie-mlp: " + summary() + ", Adam " + LEARNING_RATE + ", batches of " + BATCH + " users");
        out.println(data.describe());
        out.printf(Locale.ROOT, "model %s %s, %,d parameters; epochs %d, seed %d%n", model.type(), model.config(),
                RatingExample.parameterCount(model), o.epochs(), o.seed());

        Ratings test = data.test();
        RecsysReport report = new RecsysReport("", o.epochs(), m -> Map.of("test_rmse",
                Evaluation.rmse((UserMlpRecommender) m, test.users(), test.items(), test.ratings())), out).recording(hook);
        UserMlpRecommender.TrainingRows rows = UserMlpRecommender.TrainingRows.of(data.train(), data.numUsers(),
                data.numItems());
        model.fit(rows.users(), rows.ratings(),
                Fit.epochs(o.epochs()).batchSize(BATCH).seed(o.seed()).verbose(0).callbacks(report));

        double rmse = Evaluation.rmse(model, test.users(), test.items(), test.ratings());
        out.printf(Locale.ROOT, "final: test RMSE %.4f after %d epochs; %.2f s per training epoch (%d steps of %d users)%n",
                rmse, report.epochsRun(), report.secondsPerEpoch(), (data.numUsers() + BATCH - 1) / BATCH, BATCH);
        if (o.save() != null) {
            ModelFiles.save(model, o.save(), TrainedUsers.describe(data.train().users()));
            out.println("saved the model and the users it was trained on to " + ModelFiles.weightsPath(o.save()));
        }
        return 0;
    }
}

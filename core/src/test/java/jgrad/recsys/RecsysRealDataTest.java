package jgrad.recsys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.data.BadRows;
import jgrad.data.ImplicitExamples;
import jgrad.data.NegativeSampler;
import jgrad.data.Ratings;
import jgrad.data.TestData;
import jgrad.data.movielens.LeaveOneOutNegatives;
import jgrad.data.movielens.MovieLens100k;
import jgrad.data.prep.IdIndex;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.metrics.RegressionMetrics;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;

/**
 * One short training of each model family on MovieLens 100K (skipped when the data is absent): it must beat
 * a baseline computed here. The full protocols and their quality are the examples' business.
 */
class RecsysRealDataTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private record U1(int users, int items, Ratings train, Ratings test) {
    }

    private static U1 u1() {
        MovieLens100k ml = MovieLens100k.in(TestData.require("ml-100k"));
        Split<Ratings> s = ml.fixedSplit("u1");
        IdIndex users = IdIndex.ofRange(1, ml.userCount());
        IdIndex items = IdIndex.ofRange(1, ml.itemCount());
        return new U1(users.size(), items.size(), IdIndex.reindex(s.train(), users, items),
                IdIndex.reindex(s.test(), users, items));
    }

    /** The RMSE of predicting the mean training rating for every test rating. */
    private static double globalMeanRmse(U1 d) {
        double[] mean = new double[d.test().size()];
        java.util.Arrays.fill(mean, d.train().meanRating());
        double[] actual = new double[mean.length];
        for (int r = 0; r < actual.length; r++) {
            actual[r] = d.test().ratings()[r];
        }
        return RegressionMetrics.rmse(mean, actual);
    }

    @Test
    void concatModelBeatsTheGlobalMeanAfterOneEpoch() {
        U1 d = u1();
        ConcatRecommender m = new ConcatRecommender(d.users(), d.items(), 64, 64, DType.F32, new SplittableRandom(1));
        m.compile(Adam.keras(1e-3), Losses::mse);
        m.fit(PairModel.inputs(d.train().users(), d.train().items()),
                Tensor.of(d.train().ratings(), d.train().size(), 1), Fit.epochs(1).batchSize(32).output(QUIET));
        double rmse = Evaluation.rmse(m, d.test().users(), d.test().items(), d.test().ratings());
        double baseline = globalMeanRmse(d);
        assertTrue(rmse < baseline - 0.05, "test RMSE " + rmse + " vs global mean " + baseline);
    }

    @Test
    void userMlpLearnsFromTheRatedEntries() {
        U1 d = u1();
        // Narrower than the example's 64 → 128, so that the scalar run of the suite stays short.
        UserMlpRecommender m = new UserMlpRecommender(d.users(), d.items(), 16, 32, DType.F32, new SplittableRandom(1));
        m.compile(Adam.keras(1e-2), UserMlpRecommender::maskedMse);
        float[] rows = new float[d.users() * d.items()];
        for (int r = 0; r < d.train().size(); r++) {
            rows[d.train().users()[r] * d.items() + d.train().items()[r]] = d.train().ratings()[r];
        }
        float[] ids = new float[d.users()];
        for (int u = 0; u < ids.length; u++) {
            ids[u] = u;
        }
        double before = Evaluation.rmse(m, d.test().users(), d.test().items(), d.test().ratings());
        m.fit(List.of(Tensor.of(ids, ids.length)), Tensor.of(rows, d.users(), d.items()),
                Fit.epochs(3).batchSize(32).output(QUIET));
        double after = Evaluation.rmse(m, d.test().users(), d.test().items(), d.test().ratings());
        double baseline = globalMeanRmse(d);
        assertTrue(after < Math.min(before / 2, baseline), "test RMSE " + before + " -> " + after + ", global mean " + baseline);
    }

    @Test
    void gmfRanksHeldOutItemsFarAboveChance() {
        MovieLens100k ml = MovieLens100k.in(TestData.require("ml-100k"));
        Path negatives = TestData.require("ml-100k-loo").resolve("test_negatives.tsv");
        IdIndex users = IdIndex.ofRange(1, ml.userCount());
        IdIndex items = IdIndex.ofRange(1, ml.itemCount());
        Ratings all = IdIndex.reindex(ml.ratings(), users, items);
        Ratings train = Splits.apply(all, Splits.leaveOneOut(all)).train();
        LeaveOneOutNegatives loo = LeaveOneOutNegatives.read(negatives, 99, items.size(), BadRows.failFast());
        int[][] candidates = new int[loo.size()][];
        for (int r = 0; r < loo.size(); r++) {
            candidates[r] = items.transform(loo.negatives()[r]);
        }

        Ncf gmf = new Ncf(Ncf.Kind.GMF, users.size(), items.size(), 8, 32, new int[] {8}, DType.F32, new SplittableRandom(1));
        gmf.compile(Adam.keras(1e-3), Losses::binaryCrossEntropy);
        ImplicitExamples ex = new NegativeSampler(train.users(), train.items(), users.size(), items.size())
                .epoch(train.users(), train.items(), 1, new SplittableRandom(1));
        gmf.fit(PairModel.inputs(ex.users(), ex.items()), Tensor.of(ex.labels(), ex.size(), 1),
                Fit.epochs(1).batchSize(256).output(QUIET));
        Evaluation.Ranking r = Evaluation.leaveOneOut(gmf, users.transform(loo.users()), items.transform(loo.testItems()),
                candidates, 10);
        double chance = 10.0 / 100;     // the held-out item among 100 candidates, ranked at random
        assertTrue(r.hitRate() > 2 * chance, "HR@10 " + r.hitRate() + ", NDCG@10 " + r.ndcg());
    }
}

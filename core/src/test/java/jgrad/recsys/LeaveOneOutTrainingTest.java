package jgrad.recsys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.data.LeaveOneOutData;
import jgrad.data.Ratings;
import jgrad.optim.Adam;

class LeaveOneOutTrainingTest {

    /** 6 users × 10 items: user u rated items u, u+1, u+2 (mod 10), holds out u+3, ranked among u+5 … u+7. */
    private static LeaveOneOutData data() {
        int users = 6;
        int[] u = new int[3 * users];
        int[] i = new int[3 * users];
        for (int r = 0; r < u.length; r++) {
            u[r] = r / 3;
            i[r] = (r / 3 + r % 3) % 10;
        }
        int[] heldOutUsers = {0, 1, 2, 3, 4, 5};
        int[] test = new int[users];
        int[][] negatives = new int[users][];
        for (int k = 0; k < users; k++) {
            test[k] = (k + 3) % 10;
            negatives[k] = new int[] {(k + 5) % 10, (k + 6) % 10, (k + 7) % 10};
        }
        return new LeaveOneOutData(users, 10, new Ratings(u, i, new float[u.length], new long[u.length]),
                heldOutUsers, test, negatives);
    }

    @Test
    void eachEpochLogsTheLossAndTheRankingAndASeedRepeatsTheRun() {
        LeaveOneOutTraining training = new LeaveOneOutTraining(data(), 2, 4, 2);
        List<LeaveOneOutTraining.Epoch> heard = new ArrayList<>();
        LeaveOneOutTraining.Result r = training.train(RecsysFixtures.ncf(Ncf.Kind.GMF, 6, 10, 3), Adam.keras(1e-2), 3,
                5, heard::add);
        assertEquals(3, r.epochs().size());
        assertEquals(r.epochs(), heard);
        for (int e = 0; e < 3; e++) {
            assertEquals(e, r.epochs().get(e).index());
            assertEquals(List.of("loss", "hr@2", "ndcg@2"), List.copyOf(r.epochs().get(e).logs().keySet()));
        }
        LeaveOneOutTraining.Result again = training.train(RecsysFixtures.ncf(Ncf.Kind.GMF, 6, 10, 3),
                Adam.keras(1e-2), 3, 5, e -> { });
        for (int e = 0; e < 3; e++) {
            assertEquals(r.epochs().get(e).logs(), again.epochs().get(e).logs());
        }
    }

    /** The rule of the NCF authors' pretraining: stop once HR@K is `patience` epochs past its best, keep the best. */
    @Test
    void untilStalledStopsPatienceEpochsAfterTheBestAndKeepsItsWeights() {
        LeaveOneOutTraining training = new LeaveOneOutTraining(data(), 2, 4, 2);
        Ncf model = RecsysFixtures.ncf(Ncf.Kind.GMF, 6, 10, 4);
        int patience = 2;
        // a high rate: HR@2 climbs to its best within a few epochs, then wavers (best at epoch 4 of 7 on simd)
        LeaveOneOutTraining.Result r = training.trainUntilStalled(model, Adam.keras(0.05), patience, 50, 9, e -> { });
        List<Double> hr = r.epochs().stream().map(e -> e.logs().get("hr@2")).toList();
        int best = 0;
        for (int e = 1; e < hr.size(); e++) {
            best = hr.get(e) > hr.get(best) ? e : best;
        }
        assertEquals(best, r.bestEpoch(), "the first epoch with the highest HR@2: " + hr);
        assertEquals(best + patience + 1, r.epochs().size(), hr.toString());
        Map<String, Double> now = training.rank(model);
        assertEquals(r.best().logs().get("hr@2"), now.get("hr@2"));
        assertEquals(r.best().logs().get("ndcg@2"), now.get("ndcg@2"), "the model holds its best epoch's weights");
    }
}

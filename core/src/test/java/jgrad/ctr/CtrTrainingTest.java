package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;

class CtrTrainingTest {

    @Test
    void learnsTheCandidateRuleStopsEarlyAndKeepsTheBestEpoch() {
        CtrData d = CtrFixtures.synthetic();
        DinModel m = new DinModel(d.userIds(), d.genres(), DinConfig.standard(Pooling.ATTENTION), DType.F32,
                new SplittableRandom(1));
        var settings = new CtrTraining.Settings(32, 1e-2, 40, 2, 1e-3);
        List<CtrTraining.Epoch> seen = new ArrayList<>();
        CtrTraining.Result r = CtrTraining.fit(m, d.train(), d.validation(), settings, new SplittableRandom(2), seen::add);
        assertEquals(seen, r.epochs());
        assertTrue(r.best().validation().auc() > 0.99, "validation AUC " + r.best().validation().auc());
        assertTrue(r.epochs().size() < 40 && r.epochs().size() - 1 - r.bestIndex() == 2,
                "ran " + r.epochs().size() + " epochs, best " + (r.bestIndex() + 1));
        CtrTraining.Scores now = CtrTraining.evaluate(m, d.validation(), 32);
        assertEquals(r.best().validation().auc(), now.auc(), 0, "the model keeps its best epoch's weights");
        assertEquals(r.best().validation().logLoss(), now.logLoss(), 1e-12);
        assertTrue(CtrTraining.evaluate(m, d.test(), 32).auc() > 0.99);
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        CtrData d = CtrFixtures.synthetic();
        double[] first = null;
        for (int run = 0; run < 2; run++) {
            var m = new LogisticCtr(d.userIds(), d.genres(), DType.F32, new SplittableRandom(5));
            CtrTraining.fit(m, d.train(), d.validation(), new CtrTraining.Settings(16, 1e-2, 2, 1, 0),
                    new SplittableRandom(6), e -> { });
            double[] p = CtrTraining.probabilities(m, d.test(), 16);
            if (first != null) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(first, p, 0);
            }
            first = p;
        }
    }

    @Test
    void aValidationPartOfOneLabelIsRefused() {
        CtrData d = CtrFixtures.data();
        var m = new LogisticCtr(d.userIds(), d.genres(), DType.F32, new SplittableRandom(5));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CtrTraining.fit(m,
                d.train(), d.validation(), CtrTraining.Settings.standard(1), new SplittableRandom(6), x -> { }));
        assertTrue(e.getMessage().contains("validation") && e.getMessage().contains("label 0"), e.getMessage());
    }
}

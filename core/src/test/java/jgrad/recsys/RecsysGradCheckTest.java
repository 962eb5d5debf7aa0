package jgrad.recsys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import jgrad.autograd.GradCheck;
import jgrad.nn.Module;
import jgrad.nn.loss.Losses;
import jgrad.tensor.Tensor;

/** Finite-difference checks in F64 of every model's gradient with respect to all of its weights, through its loss. */
class RecsysGradCheckTest {

    private static final double TOLERANCE = 1e-6;
    // Repeated ids: a row looked up twice must receive both gradients.
    private static final int[] USERS = {0, 2, 1, 2, 0};
    private static final int[] ITEMS = {3, 1, 1, 0, 3};

    /** Checks loss(model computed from perturbed copies of its weights) over every weight. */
    private static void check(Module model, Function<Map<String, Tensor>, Tensor> loss) {
        RecsysFixtures.randomize(model, 11);
        List<String> names = new ArrayList<>(model.parameters().keySet());
        Tensor[] weights = names.stream().map(n -> model.parameters().get(n)).toArray(Tensor[]::new);
        GradCheck.Result r = GradCheck.check(xs -> {
            Map<String, Tensor> w = new HashMap<>();
            for (int i = 0; i < xs.length; i++) {
                w.put(names.get(i), xs[i]);
            }
            return loss.apply(w);
        }, weights);
        assertTrue(r.passed(TOLERANCE), model.getClass().getSimpleName() + " " + names + ": " + r);
    }

    private static void checkPairModel(PairModel m, boolean logits) {
        Tensor target = Tensor.of(new double[] {1, 0, 1, 1, 0}, 5, 1);
        Tensor ratings = Tensor.of(new double[] {4, 2, 5, 3, 1}, 5, 1);
        check(m, w -> logits ? Losses.binaryCrossEntropy(m.score(w, USERS, ITEMS), target)
                : Losses.mse(m.score(w, USERS, ITEMS), ratings));
    }

    @Test
    void dotModel() {
        checkPairModel(RecsysFixtures.dot(3, 4, 2, 1), false);
    }

    @Test
    void concatModel() {
        checkPairModel(RecsysFixtures.concat(3, 4, 2, 3, 1), false);
    }

    @Test
    void biasedMf() {
        checkPairModel(RecsysFixtures.bmf(3, 4, 2, 3.5, 1), false);
    }

    @Test
    void ncfModels() {
        for (Ncf.Kind kind : Ncf.Kind.values()) {
            checkPairModel(RecsysFixtures.ncf(kind, 3, 4, 1), true);
        }
    }

    @Test
    void userMlpWithMaskedMse() {
        UserMlpRecommender m = RecsysFixtures.userMlp(3, 4, 2, 3, 1);
        Tensor target = Tensor.of(new double[] {4, 0, 0, 1, 0, 5, 0, 0, 2, 0, 3, 0}, 3, 4);
        check(m, w -> UserMlpRecommender.maskedMse(m.forward(w, new int[] {2, 0, 1}), target));
    }
}

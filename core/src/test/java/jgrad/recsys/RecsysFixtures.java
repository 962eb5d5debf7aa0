package jgrad.recsys;

import java.util.SplittableRandom;

import jgrad.nn.Module;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** Small F64 models of every kind, and a way to set their weights by hand. */
final class RecsysFixtures {

    private RecsysFixtures() {
    }

    /** Overwrites parameter {@code name} of {@code model} with {@code values} (its shape, row-major). */
    static void set(Module model, String name, double... values) {
        Tensor p = model.parameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + model.parameters().keySet());
        }
        p.copyFrom(Tensor.of(values, p.shape()));
    }

    static DotRecommender dot(int users, int items, int d, long seed) {
        return new DotRecommender(users, items, d, DType.F64, new SplittableRandom(seed));
    }

    static ConcatRecommender concat(int users, int items, int du, int di, long seed) {
        return new ConcatRecommender(users, items, du, di, DType.F64, new SplittableRandom(seed));
    }

    static BiasedMF bmf(int users, int items, int d, double mu, long seed) {
        return new BiasedMF(users, items, d, mu, true, DType.F64, new SplittableRandom(seed));
    }

    static UserMlpRecommender userMlp(int users, int items, int d, int hidden, long seed) {
        return new UserMlpRecommender(users, items, d, hidden, DType.F64, new SplittableRandom(seed));
    }

    static Ncf ncf(Ncf.Kind kind, int users, int items, long seed) {
        return new Ncf(kind, users, items, 3, 2, new int[] {4, 2}, DType.F64, new SplittableRandom(seed));
    }

    /** Random weights, so that a test does not pass by a lucky start (biases are zeros at start). */
    static void randomize(Module model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        model.parameters().forEach((name, p) -> {
            double[] v = new double[p.numel()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble(-1, 1);
            }
            set(model, name, v);
        });
    }
}

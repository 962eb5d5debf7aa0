package jgrad.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jgrad.autograd.Autograd;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** Slicing examples (axis 0) out of inputs and targets: checks, splits, seeded orders, batches. */
final class Batches {

    private Batches() {
    }

    /** The number of examples, after checking that every tensor has it on axis 0. */
    static int count(List<Tensor> xs, Tensor y) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("fit: no inputs given");
        }
        int n = xs.get(0).rank() == 0 ? -1 : xs.get(0).shape(0);
        for (int i = 0; i < xs.size(); i++) {
            checkExamples("input " + i, xs.get(i), n);
        }
        if (y != null) {
            checkExamples("target", y, n);
        }
        if (n == 0) {
            throw new IllegalArgumentException("fit: the inputs hold no examples");
        }
        return n;
    }

    private static void checkExamples(String what, Tensor t, int n) {
        if (t.rank() == 0 || t.shape(0) != n) {
            throw new IllegalArgumentException("fit: " + what + " has shape " + Shapes.format(t.shape())
                    + " but the first input has " + n + " examples on axis 0");
        }
    }

    /** 0, 1, …, n−1, shuffled by Fisher–Yates with {@code rng} when asked. */
    static int[] order(int n, boolean shuffle, Random rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; shuffle && i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** The examples at positions [from, to) of {@code idx}, out of the graph. */
    static Tensor take(Tensor t, int[] idx, int from, int to) {
        int[] ids = java.util.Arrays.copyOfRange(idx, from, to);
        try (var _ = Autograd.noGrad()) {
            return t.detach().gatherRows(ids);
        }
    }

    static List<Tensor> take(List<Tensor> xs, int[] idx, int from, int to) {
        List<Tensor> out = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            out.add(take(x, idx, from, to));
        }
        return out;
    }

    /** Examples [from, to) in order. */
    static Tensor range(Tensor t, int from, int to) {
        return t.detach().narrow(0, from, to - from);
    }

    static List<Tensor> range(List<Tensor> xs, int from, int to) {
        return xs.stream().map(x -> range(x, from, to)).toList();
    }
}

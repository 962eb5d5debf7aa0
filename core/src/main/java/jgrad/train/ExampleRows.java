package jgrad.train;

import java.util.ArrayList;
import java.util.List;

import jgrad.autograd.Autograd;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The examples (axis 0) of a fit's inputs and targets: their count, checked across tensors, and the rows of a
 * batch. Which rows form a batch, in which order, is {@link jgrad.data.Batches}'s.
 */
final class ExampleRows {

    private ExampleRows() {
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

    /** The examples {@code rows} of {@code t}, in that order, out of the graph. */
    static Tensor take(Tensor t, int[] rows) {
        try (var _ = Autograd.noGrad()) {
            return t.detach().gatherRows(rows);
        }
    }

    static List<Tensor> take(List<Tensor> xs, int[] rows) {
        List<Tensor> out = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            out.add(take(x, rows));
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

package jgrad.golden;

import java.util.Arrays;

import jgrad.backend.Device;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Elementwise comparison |got − want| ≤ abs + rel·|want| over the tensors of a case, keeping the
 * largest absolute and relative errors and the first tensor that fails.
 */
final class Comparison {

    private final double abs;
    private final double rel;
    private double maxAbs;
    private double maxRel;
    private String failure;

    Comparison(double abs, double rel) {
        this.abs = abs;
        this.rel = rel;
    }

    /** Compares one tensor; {@code what} names it in a failure ("output h", "grad W_xf"). */
    void compare(String what, Tensor got, Tensor want) {
        if (got == null) {
            fail(what + ": not computed");
            return;
        }
        if (!Arrays.equals(got.shape(), want.shape())) {
            fail(what + ": shape " + Shapes.format(got.shape()) + ", expected " + Shapes.format(want.shape()));
            return;
        }
        double[] g = got.to(Device.CPU).toDoubleArray();
        double[] w = want.to(Device.CPU).toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            double err = Math.abs(g[i] - w[i]);
            boolean ok = err <= abs + rel * Math.abs(w[i]);
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            maxAbs = Math.max(maxAbs, err);
            if (w[i] != 0) {
                maxRel = Math.max(maxRel, err / Math.abs(w[i]));
            }
            if (!ok) {
                fail(what + "[" + i + "]: got " + g[i] + ", want " + w[i] + " (error " + err + " > " + abs + " + "
                        + rel + "·|want|)");
            }
        }
    }

    void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    boolean passed() {
        return failure == null;
    }

    String failure() {
        return failure;
    }

    double maxAbs() {
        return maxAbs;
    }

    double maxRel() {
        return maxRel;
    }
}

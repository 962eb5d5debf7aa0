package jgrad.nn.loss;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.backend.Backend;
import jgrad.backend.BinaryOp;
import jgrad.backend.ReduceOp;
import jgrad.backend.UnaryOp;
import jgrad.tensor.Shapes;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Softmax cross-entropy from logits with integer labels, fused:
 * L = −(1/N) Σ_n log p_{n, y_n}, p_n = softmax(z_n), with log p = z − m − ln Σ e^(z − m) (m the
 * row maximum, so no exponent overflows and no log of 0 is taken). Its own backward:
 * ∂L/∂z_n = (p_n − onehot(y_n)) / N. Logits z [..., K], labels the N = numel / K leading positions.
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /** @param labels whole numbers in [0, K), one per row of z */
    public static Tensor of(Tensor z, Tensor labels) {
        return of(z, toLabels(labels));
    }

    public static Tensor of(Tensor z, int[] labels) {
        if (z.rank() < 1 || z.shape(-1) == 0) {
            throw new IllegalArgumentException("softmax cross-entropy: logits have shape " + Shapes.format(z.shape())
                    + ", expected [N, K] with K >= 1");
        }
        int k = z.shape(-1);
        int n = z.numel() / k;
        if (labels.length != n || n == 0) {
            throw new IllegalArgumentException("softmax cross-entropy: logits of shape " + Shapes.format(z.shape())
                    + " have " + n + " rows but " + labels.length + " labels were given");
        }
        for (int r = 0; r < n; r++) {
            if (labels[r] < 0 || labels[r] >= k) {
                throw new IndexOutOfBoundsException("softmax cross-entropy: label " + labels[r] + " at row " + r
                        + " is outside the " + k + " classes [0, " + k + ")");
            }
        }
        Backend be = z.backend();
        Tensor zc = z.detach().contiguous();
        Tensor logp = Tensor.zeros(z.device(), z.dtype(), n, k);
        be.softmax(n, k, zc.storage(), zc.offset(), logp.storage(), 0, true);
        int[] picked = Arena.ints(n);   // the flat position of each row's label: logp read as a table of n·k rows of 1
        for (int r = 0; r < n; r++) {
            picked[r] = r * k + labels[r];
        }
        Tensor labelLogp = Tensor.zeros(z.device(), z.dtype(), n);
        be.gatherRows(picked, 1, logp.storage(), 0, labelLogp.storage(), 0);
        Tensor loss = Tensor.zeros(z.device(), z.dtype());
        be.reduce(ReduceOp.SUM, 1, n, 1, labelLogp.storage(), 0, loss.storage(), 0);
        be.unary(UnaryOp.SCALE, 1, loss.storage(), 0, loss.storage(), 0, -1.0 / n);
        // logp rides along as a second input that needs no gradient, so that the rule captures nothing
        return loss.recordedBy("softmaxCrossEntropy", (r, g) -> {
            Tensor logits = r.input(0);
            Tensor logProbs = r.input(1);
            int rows = logProbs.shape(0);
            int classes = logProbs.shape(1);
            Backend b = logits.backend();
            Tensor dz = Tensor.zeros(logits.device(), logits.dtype(), rows, classes);
            Storage s = dz.storage();
            b.unary(UnaryOp.EXP, rows * classes, logProbs.storage(), 0, s, 0, 0);
            Tensor minusOne = Tensor.full(logits.device(), logits.dtype(), -1, rows);
            b.scatterAddRows((int[]) r.saved(), rows, 1, minusOne.storage(), 0, s, 0);
            Tensor gc = g.contiguous();
            b.binary(BinaryOp.MUL, rows * classes, s, 0, 1, gc.storage(), gc.offset(), 0, s, 0);
            b.unary(UnaryOp.SCALE, rows * classes, s, 0, s, 0, 1.0 / rows);
            return r.gradients(dz.reshapeAs(logits), null);
        }, false, z, logp, 0, 0, picked);
    }

    /** The labels held by a tensor of whole numbers. */
    static int[] toLabels(Tensor labels) {
        double[] v = labels.to(Device.CPU).toDoubleArray();   // labels steer the gather from the host
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException("softmax cross-entropy: label " + v[i] + " at position " + i
                        + " is not a whole number");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}

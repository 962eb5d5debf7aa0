package jgrad.ops;

import jgrad.backend.Device;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * softmax(x)_j = e^(x_j − m) / Σ_k e^(x_k − m) and log-softmax(x)_j = x_j − m − ln Σ_k e^(x_k − m),
 * with m = max_k x_k so that no exponent overflows.
 * Backward, from y and g: softmax dx = y ⊙ (g − Σ g⊙y); log-softmax dx = g − softmax(x)·Σ g.
 */
public final class Softmax {

    private Softmax() {
    }

    public static Tensor softmax(Tensor x, int axis, boolean log) {
        int a = Shapes.axis(log ? "logSoftmax" : "softmax", axis, x.rank());
        int last = x.rank() - 1;
        if (a == last) {
            return alongLastAxis(x.contiguous(), log);
        }
        return alongLastAxis(x.transpose(a, last).contiguous(), log).transpose(a, last);
    }

    private static Tensor alongLastAxis(Tensor x, boolean log) {
        int cols = x.shape(-1);
        int rows = cols == 0 ? 0 : x.numel() / cols;
        Tensor y = Tensor.zeros(x.device(), x.dtype(), x.shape());
        y.backend().softmax(rows, cols, x.storage(), x.offset(), y.storage(), 0, log);
        return y.recordedWithNewGradients(log ? "logSoftmax" : "softmax", g -> {
            Tensor gc = g.contiguous();
            Tensor dx = Tensor.zeros(x.device(), x.dtype(), x.shape());
            Device.common("softmax backward", y.device(), gc.device()).backend().softmaxBackward(rows, cols, y.storage(), 0, gc.storage(), gc.offset(),
                    dx.storage(), 0, log);
            return new Tensor[] {dx};
        }, x);
    }
}

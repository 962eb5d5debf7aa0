package jgrad.privacy.dp;

import java.util.List;

import jgrad.tensor.Tensor;

/** Per-example squared gradient norms, on the tensors' device. */
final class PerExample {

    private PerExample() {
    }

    /** ‖row r‖² of a [rows, cols] tensor, by the backend's {@code rowSquaredNorms}. */
    static Tensor rowSquaredNorms(Tensor x) {
        Tensor c = x.contiguous();
        int rows = c.shape(0);
        int cols = c.numel() / Math.max(1, rows);
        Tensor out = Tensor.zeros(c.device(), c.dtype(), rows);
        c.backend().rowSquaredNorms(rows, cols, c.storage(), c.offset(), out.storage(), out.offset());
        return out;
    }

    /**
     * ‖gᵢ‖² per example, Σ_layers ‖δᵢ‖²(‖aᵢ‖² + 1): the weight's outer product δᵢaᵢᵀ and the bias's δᵢ of every
     * dense layer (aᵢ its input, δᵢ the gradient read from its probe).
     */
    static Tensor denseSquaredNorms(List<Tensor> inputs, List<Tensor> probes) {
        Tensor total = null;
        for (int k = 0; k < inputs.size(); k++) {
            Tensor term = rowSquaredNorms(probes.get(k).grad()).mul(rowSquaredNorms(inputs.get(k)).add(1));
            total = total == null ? term : total.add(term);
        }
        return total;
    }
}

package jgrad.nn.layers;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.ReduceOp;
import jgrad.tensor.DType;
import jgrad.tensor.Storage;
import jgrad.tensor.Tensor;

/**
 * What the fused recurrent kernels share: pre-activations pre_t = W_x x_t + W_h h_{t−1} + b with
 * G rows of gates, kept per step as [G, B] (batch last) so that each gate of the whole batch is one
 * contiguous block, and the GEMMs of the backward that do not depend on the step order:
 * dW_x = Σ_t dpre_t x_tᵀ, dW_h = Σ_t dpre_t h_{t−1}ᵀ, db = Σ_t Σ_b dpre_t, dx_t = W_xᵀ dpre_t.
 * Buffers are [T, ·, B]; h after every step is kept as [T+1, H, B] with h0 first.
 */
abstract class SequenceKernel {

    final Backend be = Backends.current();
    final DType dtype;
    final int batch;
    final int steps;
    final int in;
    final int hidden;
    final int gates;
    final int hb;
    final int gb;

    /** Saved for backward: x [B, T, in], W_x [G, in], W_h [G, H] (contiguous), and h_0 … h_T. */
    Tensor x;
    Tensor wx;
    Tensor wh;
    Tensor hs;

    SequenceKernel(Tensor x, int hidden, int gates) {
        this.dtype = x.dtype();
        this.batch = x.shape(0);
        this.steps = x.shape(1);
        this.in = x.shape(2);
        this.hidden = hidden;
        this.gates = gates;
        this.hb = hidden * batch;
        this.gb = gates * batch;
    }

    /** Keeps the inputs and h0; returns W_x x_t + b for every step, [T, G, B]. */
    Tensor start(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0) {
        this.x = x;
        this.wx = wx;
        this.wh = wh;
        hs = Tensor.zeros(dtype, steps + 1, hidden, batch);
        transposeInto(h0, hs.storage(), 0);
        Tensor p = b.reshape(1, gates, 1).expand(steps, gates, batch).contiguous();
        for (int t = 0; t < steps; t++) {
            be.gemm(false, true, gates, batch, in, wx.storage(), 0, in, x.storage(), t * in, steps * in,
                    1, p.storage(), t * gb, batch);
        }
        return p;
    }

    /** pre_t += W_h h_{t−1}: the one GEMM of a step. */
    void addRecurrentPart(Tensor pre, int t) {
        be.gemm(false, false, gates, batch, hidden, wh.storage(), 0, hidden, hs.storage(), t * hb, batch,
                1, pre.storage(), t * gb, batch);
    }

    /** dh_{t−1} = W_hᵀ dpre_t, written into dh [H, B]. */
    void recurrentGrad(Tensor dpre, int t, Tensor dh) {
        be.gemm(true, false, hidden, batch, gates, wh.storage(), 0, hidden, dpre.storage(), t * gb, batch,
                0, dh.storage(), 0, batch);
    }

    /** Gradients of x, W_x, W_h, b from dpre [T, G, B] (dx only when asked). */
    Tensor[] sharedGrads(Tensor dpre, boolean needX) {
        return new Tensor[] {needX ? inputGrad(dpre) : null, inputWeightGrad(dpre),
                weightGrad(dpre, hs.storage(), hidden, batch, hb, true), biasGrad(dpre)};
    }

    /** dW_x = Σ_t dpre_t x_tᵀ. */
    Tensor inputWeightGrad(Tensor dpre) {
        return weightGrad(dpre, x.storage(), in, steps * in, in, false);
    }

    /** [B, T, H] from a [T+1, H, B] (or [T, H, B] with {@code first} = 0) buffer of per-step states. */
    void writeBatchFirst(Tensor states, int first, Tensor out, int outOffset) {
        be.copy(new int[] {batch, steps, hidden}, states.storage(), first * hb, new int[] {1, hb, batch},
                out.storage(), outOffset);
    }

    /** The [T, H, B] layout of a [B, T, H] gradient stored at {@code offset} of g. */
    Tensor toTimeMajor(Tensor g, int offset) {
        Tensor out = Tensor.zeros(dtype, steps, hidden, batch);
        be.copy(new int[] {steps, hidden, batch}, g.storage(), g.offset() + offset,
                new int[] {hidden, 1, steps * hidden}, out.storage(), 0);
        return out;
    }

    /** dst[offset ..] = srcᵀ for src [B, H]. */
    void transposeInto(Tensor src, Storage dst, int offset) {
        Tensor s = src.contiguous();
        be.copy(new int[] {hidden, batch}, s.storage(), s.offset(), new int[] {1, hidden}, dst, offset);
    }

    /** [B, H] from an [H, B] buffer. */
    Tensor batchFirst(Tensor hByB) {
        return hByB.t().contiguous();
    }

    /**
     * Σ_t dpre_t · v_tᵀ, [G, cols], where v_t is step t's input to the gates: x_t (stored as [B, in]
     * rows) or h_{t−1} (stored as [H, B], {@code transposed}).
     */
    Tensor weightGrad(Tensor dpre, Storage v, int cols, int ld, int stepStride, boolean transposed) {
        Tensor dw = Tensor.zeros(dtype, gates, cols);
        for (int t = 0; t < steps; t++) {
            be.gemm(false, transposed, gates, cols, batch, dpre.storage(), t * gb, batch,
                    v, t * stepStride, ld, 1, dw.storage(), 0, cols);
        }
        return dw;
    }

    Tensor biasGrad(Tensor dpre) {
        Tensor perStep = Tensor.zeros(dtype, steps, gates);
        be.reduce(ReduceOp.SUM, steps * gates, batch, 1, dpre.storage(), 0, perStep.storage(), 0);
        Tensor db = Tensor.zeros(dtype, gates);
        be.reduce(ReduceOp.SUM, 1, steps, gates, perStep.storage(), 0, db.storage(), 0);
        return db;
    }

    /** dx_t = dpre_tᵀ W_x, written into the rows of dx [B, T, in] at step t. */
    Tensor inputGrad(Tensor dpre) {
        Tensor dx = Tensor.zeros(dtype, batch, steps, in);
        for (int t = 0; t < steps; t++) {
            be.gemm(true, false, batch, in, gates, dpre.storage(), t * gb, batch, wx.storage(), 0, in,
                    0, dx.storage(), t * in, steps * in);
        }
        return dx;
    }
}

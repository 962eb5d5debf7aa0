package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.ReduceOp;
import jgrad.backend.DType;
import jgrad.tensor.Shapes;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * What the fused recurrent kernels share: pre-activations pre_t = W_x x_t + W_h h_{t−1} + b with G
 * gate rows, and the GEMMs of the backward that do not depend on the step order:
 * dx = dpre W_x, dW_x = Σ dpreᵀ x, dW_h = Σ dpreᵀ h_{t−1}, db = Σ dpre.
 *
 * <p>Every buffer is batch-major like x [B, T, in] and the outputs [B, T, H]: row (b, t) is step t of
 * sequence b, so step t of a buffer is a matrix of B rows with leading dimension T·width, and the
 * steps together are one matrix of B·T rows. That makes W_x x + b for all steps one GEMM before the
 * loop, dx and the weight gradients GEMMs over all rows after it, and lets the kernels write h_t
 * straight into the output. h_{t−1} and x_t sit side by side in one buffer hx [B, T, H + in], so
 * that [dW_h | dW_x] is a single GEMM: with H + in rows it is tall enough for the threads to share
 * one packed dpre, where two GEMMs of H and of in rows each packed all of theirs on every thread. The products
 * of the steps, h_{t−1}·W_hᵀ forward and dpre_t·W_h back, multiply by the same weight T times: it is packed
 * once per call ({@link StepWeight}, {@link Backend#packRight}), where each thread used to pack all of it, a
 * megabyte for the char-LSTM's W_hᵀ, at every step.
 *
 * <p>All buffers come from a {@link Workspace} taken for the call and given back when the graph is
 * freed ({@link #release}); what a call returns (outputs, gradients) is always newly allocated.
 */
abstract class SequenceKernel implements OpRecord.Backward {

    final Backend be;
    final Device device;
    final DType dtype;
    final int batch;
    final int steps;
    final int in;
    final int hidden;
    final int gates;
    /** B·T: the rows of every buffer. */
    final int rows;
    final Workspace ws;
    private final Workspace.Pool pool;
    /** The shape and stride of one row of H values, for copies (made once: a step copies B rows). */
    private final int[] row;
    private static final int[] UNIT_STRIDE = {1};

    /** Saved for backward: W_x [G, in], W_h [G, H], pre [B, T, G]. */
    Tensor wx;
    Tensor wh;
    Tensor pre;
    /**
     * Row (b, t) holds h_{t−1} of sequence b in its first H columns (h0 at t = 0, then the outputs
     * shifted by one step) and x_t in its last {@code in}: [B, T, H + in].
     */
    Tensor hx;
    /** H + in: the row length of hx. */
    final int hxWidth;
    /** The output, new for every call (the caller keeps it) and read back by the backward. */
    Tensor out;
    /** Whether x needs a gradient (decided when the op is recorded). */
    private boolean needX;

    SequenceKernel(Workspace.Pool pool, Tensor x, int hidden, int gates) {
        this.pool = pool;
        this.device = x.device();
        this.be = x.backend();
        this.ws = pool.take(device);
        this.dtype = x.dtype();
        this.batch = x.shape(0);
        this.steps = x.shape(1);
        this.in = x.shape(2);
        this.hidden = hidden;
        this.gates = gates;
        this.rows = batch * steps;
        this.hxWidth = hidden + in;
        this.row = new int[] {hidden};
    }

    /**
     * Keeps x and the gate weights stacked ({@code wx[k]} [G/K, in], {@code wh[k]} [G/K, H],
     * {@code b[k]} [G/K]), puts x and h0 into hx, and fills pre with W_x x + b.
     */
    void start(Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor h0) {
        this.wx = stack("W_x", wx, in);
        this.wh = stack("W_h", wh, hidden);
        Tensor bias = stack("b", b, 1);
        hx = ws.get("hx", dtype, batch, steps, hxWidth);
        int[] h0Strides = h0.strides();
        for (int bi = 0; bi < batch; bi++) {
            be.copy(new int[] {hidden}, h0.storage(), h0.offset() + bi * h0Strides[0], new int[] {h0Strides[1]},
                    hx.storage(), hPrevAt(bi * steps));
        }
        Tensor xd = x.detach();
        int[] xStrides = xd.strides();   // read once: strides() hands out a copy
        int[] xRow = {in};
        int[] xStride = {xStrides[2]};
        be.forSlices(batch, (long) steps * in, (lo, hi) -> {
            for (int bi = lo; bi < hi; bi++) {
                for (int t = 0; t < steps; t++) {
                    be.copy(xRow, xd.storage(), xd.offset() + bi * xStrides[0] + t * xStrides[1], xStride,
                            hx.storage(), hPrevAt(bi * steps + t) + hidden);
                }
            }
        });
        pre = ws.get("pre", dtype, batch, steps, gates);
        be.copy(new int[] {rows, gates}, bias.storage(), 0, new int[] {0, 1}, pre.storage(), 0);
        be.gemm(false, true, rows, gates, in, hx.storage(), hidden, hxWidth, this.wx.storage(), 0, in,
                1, pre.storage(), 0, gates);
    }

    /** Where h_{t−1} of row r = (b, t) starts in hx. */
    int hPrevAt(int r) {
        return r * hxWidth;
    }

    /** The parts of one stacked weight, each [G/K, cols] (a bias: cols 1), copied into one [G, cols] buffer. */
    private Tensor stack(String name, Tensor[] parts, int cols) {
        Tensor out = ws.get(name, dtype, gates, cols);
        int offset = 0;
        for (Tensor p : parts) {
            if (p.dtype() != dtype) {
                throw new IllegalArgumentException("recurrent layer: inputs are " + dtype + " but a weight is " + p.dtype());
            }
            Tensor d = p.detach();
            be.copy(d.shape(), d.storage(), d.offset(), d.strides(), out.storage(), offset);
            offset += d.numel();
        }
        return out;
    }

    /**
     * The gate rows [col, col + n) of W_h packed as the right operand of one of the steps' products: op(B) is
     * that block transposed, [H, n], for the forward's h_{t−1}·W_hᵀ, and the block itself, [n, H], for the
     * backward's dpre_t·W_h. Lives in the workspace under its name.
     */
    record StepWeight(Storage packed, int col, int n) {
    }

    /** The gate rows [col, col + n) of W_h packed for {@link #addRecurrent}, in the buffer {@code name}. */
    StepWeight forwardWeight(String name, int col, int n) {
        Tensor packed = ws.get(name, dtype, be.packedRightSize(hidden, n));
        be.packRight(true, hidden, n, wh.storage(), col * hidden, hidden, packed.storage(), 0);
        return new StepWeight(packed.storage(), col, n);
    }

    /** The gate rows [col, col + n) of W_h packed for {@link #recurrentGrad}, in the buffer {@code name}. */
    StepWeight backwardWeight(String name, int col, int n) {
        Tensor packed = ws.get(name, dtype, be.packedRightSize(n, hidden));
        be.packRight(false, n, hidden, wh.storage(), col * hidden, hidden, packed.storage(), 0);
        return new StepWeight(packed.storage(), col, n);
    }

    /**
     * pre_t += v_t·W_hᵀ for the gate columns of {@code w}, reading v_t from the first H columns of the rows at
     * step t of {@code v} [B, T, width] (hx for h_{t−1}), for the sequences [lo, hi) of the batch.
     */
    void addRecurrent(int t, Tensor v, StepWeight w, int lo, int hi) {
        int width = v.shape(2);
        be.gemmPackedRight(false, hi - lo, w.n(), hidden, v.storage(), (lo * steps + t) * width, steps * width,
                w.packed(), 0, 1, pre.storage(), (lo * steps + t) * gates + w.col(), steps * gates);
    }

    /**
     * Runs the recurrence over slices of the batch, side by side where that pays ({@link Backend#forSlices}): the
     * sequences do not meet within the loop over steps, and each row of a product is computed alone, so the cut
     * does not change the bits. One hand-off per call, where the products of each step split across threads had
     * one per step.
     */
    void overBatch(Backend.SliceBody body) {
        be.forSlices(batch, (long) steps * gates * (hidden + in), body);
    }

    /** Writes h_t of row (b, t) (at {@code hOff} of {@code h}) into hx for the next step, if there is one. */
    void keepForNextStep(int b, int t, Storage h, int hOff) {
        if (t + 1 < steps) {
            be.copy(row, h, hOff, UNIT_STRIDE, hx.storage(), hPrevAt(b * steps + t + 1));
        }
    }

    /**
     * dh = dpre_t[:, col, col + n)·W_h[col, col + n) (+ dh when {@code add}) for the gates of {@code w}, dh [B, H]:
     * the part of ∂L/∂h_{t−1} that flows through those gates, for the sequences [lo, hi) of the batch (rows lo … hi − 1
     * of dh).
     */
    void recurrentGrad(Tensor dpre, int t, StepWeight w, Tensor dh, boolean add, int lo, int hi) {
        be.gemmPackedRight(false, hi - lo, hidden, w.n(), dpre.storage(), (lo * steps + t) * gates + w.col(),
                steps * gates, w.packed(), 0, add ? 1 : 0, dh.storage(), lo * hidden, hidden);
    }

    /** Records out as made by this kernel from inputs, or frees the workspace at once if nothing was recorded. */
    Tensor record(String op, Tensor out, Tensor... inputs) {
        needX = inputs[0].requiresGrad();
        out.recordedAs(op, this, inputs);
        if (out.gradFn() == null) {
            release();
        }
        return out;
    }

    /** The inputs in the order the gradients are returned: x, the parts of W_x, W_h and b, then the states. */
    static Tensor[] inputs(Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor... states) {
        Tensor[] all = new Tensor[1 + wx.length + wh.length + b.length + states.length];
        all[0] = x;
        int i = 1;
        for (Tensor[] group : new Tensor[][] {wx, wh, b, states}) {
            for (Tensor t : group) {
                all[i++] = t;
            }
        }
        return all;
    }

    /**
     * Gradients in {@link #inputs} order from dpre [B, T, G], [dW_h | dW_x]ᵀ [H + in, G] and the states'
     * gradients: dx (when x needs one), the parts of dW_x, dW_h and db as views of their stacked gradients.
     */
    Tensor[] grads(Tensor dpre, Tensor dwT, int parts, Tensor... stateGrads) {
        Tensor dx = needX ? inputGrad(dpre) : null;
        Tensor dwh = transposed(dwT, 0, hidden);
        Tensor dwx = transposed(dwT, hidden, in);
        Tensor db = Tensor.zeros(device, dtype, gates);
        be.reduce(ReduceOp.SUM, 1, rows, gates, dpre.storage(), 0, db.storage(), 0);
        Tensor[] all = new Tensor[1 + 3 * parts + stateGrads.length];
        all[0] = dx;
        int size = gates / parts;
        for (int k = 0; k < parts; k++) {
            all[1 + k] = dwx.narrow(0, k * size, size);
            all[1 + parts + k] = dwh.narrow(0, k * size, size);
            all[1 + 2 * parts + k] = db.narrow(0, k * size, size);
        }
        System.arraycopy(stateGrads, 0, all, 1 + 3 * parts, stateGrads.length);
        return all;
    }

    /** dx = dpre·W_x, [B, T, in]: one GEMM over all rows. */
    private Tensor inputGrad(Tensor dpre) {
        Tensor dx = Tensor.zeros(device, dtype, batch, steps, in);
        be.gemm(false, false, rows, in, gates, dpre.storage(), 0, gates, wx.storage(), 0, in, 0, dx.storage(), 0, in);
        return dx;
    }

    /** [dW_h | dW_x]ᵀ = Σ over rows of hxᵀ·dpre, [H + in, G], in the workspace: see {@link #weightGradT}. */
    Tensor weightGradT(Tensor dpre) {
        Tensor dwT = ws.get("dWT", dtype, hxWidth, gates);
        weightGradT(dpre, 0, gates, hx, 0, hxWidth, dwT, 0);
        return dwT;
    }

    /**
     * The gate columns [col, col + n) of rows [row, row + m) of dWᵀ [·, G]: Σ over all B·T rows of
     * vᵀ·dpre for the columns [vCol, vCol + m) of v [B, T, width], one GEMM. Computed transposed, so
     * that the wide operand dpre is packed by rows: at the LSTM's sizes (G = 4H = 1024) that ran 1.3
     * to 2 times as fast as dpreᵀ·v, at the RNN's (G = H) as fast, and the transpose back is a small copy.
     */
    void weightGradT(Tensor dpre, int col, int n, Tensor v, int vCol, int m, Tensor dwT, int row) {
        be.gemm(true, false, m, n, rows, v.storage(), vCol, v.shape(2), dpre.storage(), col, gates,
                0, dwT.storage(), row * gates + col, gates);
    }

    /** A new [G, m] tensor from rows [row, row + m) of a [·, G] buffer. */
    Tensor transposed(Tensor dwT, int row, int m) {
        Tensor dw = Tensor.zeros(device, dtype, gates, m);
        be.copy(new int[] {gates, m}, dwT.storage(), row * gates, new int[] {1, gates}, dw.storage(), 0);
        return dw;
    }

    /** A new [B, H] copy of a [B, H] buffer (a state's gradient leaves the workspace). */
    Tensor copyOut(Tensor bh) {
        Tensor out = Tensor.zeros(device, dtype, batch, hidden);
        be.copy(new int[] {batch * hidden}, bh.storage(), 0, new int[] {1}, out.storage(), 0);
        return out;
    }

    @Override
    public boolean returnsNewGradients() {
        return true;
    }

    /** The sum of the output's gradient lives in the workspace too: only {@link #apply} reads it. */
    @Override
    public Tensor outputGradientBuffer() {
        return ws.zeros("dOut", dtype, out.shape());
    }

    @Override
    public void release() {
        pool.give(ws);
    }

    /** The gradient of the output, read in place: contiguous, or one number repeated (the gradient of a sum). */
    record Upstream(Storage storage, int offset, int step) {

        static Upstream of(Tensor g) {
            if (Shapes.isConstant(g.shape(), g.strides())) {
                return new Upstream(g.storage(), g.offset(), 0);
            }
            Tensor c = g.contiguous();
            return new Upstream(c.storage(), c.offset(), 1);
        }

        /** Where element i of the row-major gradient is. */
        int at(int i) {
            return offset + step * i;
        }
    }
}

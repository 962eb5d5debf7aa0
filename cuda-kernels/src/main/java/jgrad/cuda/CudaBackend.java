package jgrad.cuda;

import java.lang.ref.Reference;
import jgrad.backend.AdamStep;
import jgrad.backend.Backend;
import jgrad.backend.BinaryOp;
import jgrad.backend.ReduceOp;
import jgrad.backend.SgdStep;
import jgrad.backend.UnaryOp;
import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * The {@link Backend} of {@link Device#CUDA}: our kernels (src/main/cuda) for everything but GEMM, cuBLAS
 * for GEMM. Every storage it is given must be a {@link CudaStorage} made by this backend
 * ({@link #allocate}, {@link #upload}); host↔device copies are explicit. Each method returns once its
 * work is done, so a failing kernel is reported by the call that launched it.
 *
 * <p>Two drivers run it: {@code new CudaBackend()} on an NVIDIA GPU (JCuda, fatbins from the jar, cuBLAS;
 * check {@link CudaProbe#status()} first), and {@link #emulated()}, named "cuda-emu", which runs the same
 * kernels compiled by g++ on the CPU (check {@link CudaProbe#emulation()}). Everything in this class is
 * shared: a launch is written once, as kernel name, launch shape and {@link KernelArg}s.
 */
public final class CudaBackend implements Backend, AutoCloseable {

    private static final int BLOCK = 256;      // elementwise kernels
    private static final int MAX_GRID = 4096;  // grid-stride loops cover the rest
    private static final int ROW_BLOCK_MAX = 256;  // JGRAD_MAX_BLOCK in jgrad.cuh
    private static final int MAX_RANK = 8;     // JGRAD_MAX_RANK in rows.cu

    private final CudaDriver driver;
    private DeviceMemory ids;  // scratch for gather/scatter indices, grown on demand

    /** Opens GPU 0; throws {@link CudaException} (or a LinkageError without JCuda natives) if it cannot. */
    public CudaBackend() {
        this(new GpuDriver());
    }

    private CudaBackend(CudaDriver driver) {
        this.driver = driver;
        Device.CUDA.attach(this);   // tensors on Device.CUDA compute here; tensor.to(Device.CUDA) copies through upload
    }

    /**
     * The CUDA backend on the CPU ("cuda-emu"): the kernels compiled by g++ (once, cached) and called
     * through {@code java.lang.foreign}, GEMM on the CPU backend. Attaches to {@link Device#CUDA} like the
     * GPU backend. Throws {@link CudaException} with the reason (no g++, a compile error) if it cannot start.
     */
    public static CudaBackend emulated() {
        return new CudaBackend(EmulatedDriver.open());
    }

    @Override
    public String name() {
        return driver.backendName();
    }

    @Override
    public Device device() {
        return Device.CUDA;
    }

    /** A new zero-initialised device buffer. */
    @Override
    public CudaStorage allocate(DType dtype, int length) {
        return new CudaStorage(driver, dtype, length);
    }

    /** A device copy of a host storage. */
    @Override
    public CudaStorage upload(Storage host) {
        CudaStorage s = new CudaStorage(driver, host.dtype(), host.length());
        s.upload(host);
        return s;
    }

    /** A host copy of a device storage. */
    @Override
    public Storage download(Storage device) {
        CudaStorage d = cuda(device);
        Storage host = Storage.onHost(d.dtype(), d.length());
        d.download(host);
        return host;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, Storage a, int aOff, int lda,
                     Storage b, int bOff, int ldb, double beta, Storage c, int cOff, int ldc) {
        DType dt = sameDtype("gemm", a, b, c);
        if (m == 0 || n == 0) {
            return;
        }
        ColumnMajorGemm g = ColumnMajorGemm.of(transA, transB, m, n, k, lda, ldb, ldc);
        KernelArg.Pointer first = ptr(b, bOff), second = ptr(a, aOff), out = ptr(c, cOff);
        driver.gemm(dt, g, first, second, beta, out);
        driver.sync();
        Reference.reachabilityFence(first);
        Reference.reachabilityFence(second);
        Reference.reachabilityFence(out);
    }

    @Override
    public void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                       Storage out, int outOff) {
        DType dt = sameDtype("binary", a, b, out);
        checkStep(aStep);
        checkStep(bStep);
        elementwise("binary", dt, n, ints(op.ordinal()), ints(n), ptr(a, aOff), ints(aStep), ptr(b, bOff), ints(bStep),
                ptr(out, outOff));
    }

    @Override
    public void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        DType dt = sameDtype("unary", x, out);
        elementwise("unary", dt, n, ints(op.ordinal()), ints(n), ptr(x, xOff), ptr(out, outOff), real(dt, alpha));
    }

    @Override
    public void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        DType dt = sameDtype("unaryBackward", x, y, g, dx);
        elementwise("unary_backward", dt, n, ints(op.ordinal()), ints(n), ptr(x, xOff), ptr(y, yOff), ptr(g, gOff),
                ptr(dx, dxOff), real(dt, alpha));
    }

    @Override
    public void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff) {
        DType dt = sameDtype("reduce", x, out);
        if (op == ReduceOp.MAX && len < 1) {
            throw new IllegalArgumentException("reduce MAX over an empty axis");
        }
        if (inner == 1) {
            rows("reduce_rows", dt, outer, len, ints(op.ordinal()), ints(outer), ints(len), ptr(x, xOff), ptr(out, outOff));
        } else {
            elementwise("reduce_cols", dt, outer * inner, ints(op.ordinal()), ints(outer), ints(len), ints(inner),
                    ptr(x, xOff), ptr(out, outOff));
        }
    }

    @Override
    public void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log) {
        DType dt = sameDtype("softmax", x, y);
        rows("softmax", dt, rows, cols, ints(rows), ints(cols), ptr(x, xOff), ptr(y, yOff), ints(log ? 1 : 0));
    }

    @Override
    public void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                                boolean log) {
        DType dt = sameDtype("softmaxBackward", y, g, dx);
        rows("softmax_backward", dt, rows, cols, ints(rows), ints(cols), ptr(y, yOff), ptr(g, gOff), ptr(dx, dxOff),
                ints(log ? 1 : 0));
    }

    @Override
    public void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff) {
        DType dt = sameDtype("gatherRows", table, out);
        KernelArg idPtr = uploadIds(ids);
        elementwise("gather_rows", dt, ids.length * rowLen, ints(ids.length), idPtr, ints(rowLen),
                ptr(table, tableOff), ptr(out, outOff));
    }

    @Override
    public void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff) {
        DType dt = sameDtype("scatterAddRows", src, table);
        KernelArg idPtr = uploadIds(count == ids.length ? ids : java.util.Arrays.copyOf(ids, count));
        elementwise("scatter_add_rows", dt, count * rowLen, ints(count), idPtr, ints(rowLen),
                ptr(src, srcOff), ptr(table, tableOff));
    }

    @Override
    public void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff) {
        DType dt = sameDtype("copy", src, dst);
        if (shape.length > MAX_RANK || srcStrides.length != shape.length) {
            throw new IllegalArgumentException("copy: rank " + shape.length + " with " + srcStrides.length
                    + " strides (the CUDA copy takes rank <= " + MAX_RANK + ")");
        }
        int[] geometry = new int[1 + 2 * MAX_RANK];  // struct CopyGeometry, passed by value
        geometry[0] = shape.length;
        long total = 1;
        for (int d = 0; d < shape.length; d++) {
            geometry[1 + d] = shape[d];
            geometry[1 + MAX_RANK + d] = srcStrides[d];
            total *= shape[d];
        }
        elementwise("copy", dt, Math.toIntExact(total), ints((int) total), new KernelArg.IntStruct(geometry), ptr(src, srcOff),
                ptr(dst, dstOff));
    }

    /** One thread per entry of the column matrix (conv.cu). */
    @Override
    public void im2col(ConvGeometry g, double padValue, Storage x, int xOff, Storage cols, int colsOff) {
        DType dt = sameDtype("im2col", x, cols);
        elementwise("im2col", dt, Math.multiplyExact(g.patchSize(), g.positions()), new KernelArg.IntStruct(g.toInts()),
                real(dt, padValue), ptr(x, xOff), ptr(cols, colsOff));
    }

    /** One thread per input element, summing the entries read from it in a fixed order (conv.cu). */
    @Override
    public void col2im(ConvGeometry g, Storage cols, int colsOff, Storage dx, int dxOff) {
        DType dt = sameDtype("col2im", cols, dx);
        elementwise("col2im", dt, g.inputSize(), new KernelArg.IntStruct(g.toInts()), ptr(cols, colsOff),
                ptr(dx, dxOff));
    }

    @Override
    public void fill(int n, Storage dst, int dstOff, double value) {
        DType dt = sameDtype("fill", dst);
        elementwise("fill", dt, n, ints(n), ptr(dst, dstOff), real(dt, value));
    }

    @Override
    public void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff) {
        DType dt = sameDtype("where", cond, a, b, out);
        elementwise("where", dt, n, ints(n), ptr(cond, cOff), ptr(a, aOff), ptr(b, bOff), ptr(out, outOff));
    }

    /** Between dtypes (elementwise.cu's convert_f32 reads F64, convert_f64 reads F32); same dtype is a copy. */
    @Override
    public void convert(int n, Storage src, int srcOff, Storage dst, int dstOff) {
        if (src.dtype() == dst.dtype()) {
            copy(new int[] {n}, src, srcOff, new int[] {1}, dst, dstOff);
            return;
        }
        cuda(src);
        elementwise("convert", dst.dtype(), n, ints(n), ptr(src, srcOff), ptr(dst, dstOff));
    }

    /** The rule of {@link AdamStep} in place (optim.cu); m and v share w's offset. */
    @Override
    public void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step) {
        DType dt = sameDtype("adam", w, m, v, g);
        elementwise("adam", dt, n, ints(n), ptr(w, wOff), ptr(m, wOff), ptr(v, wOff), ptr(g, gOff), real(dt, step.stepSize()),
                real(dt, step.beta1()), real(dt, step.beta2()), real(dt, step.epsilon()), real(dt, step.rootScale()));
    }

    /**
     * The elementwise part of one LSTM step (lstm.cu), after the gate GEMMs. Layout as in the engine's
     * LstmKernel: {@code pre} and {@code act} hold four blocks of n = H·B values in the gate order
     * f, i, o, c̃, each laid out like the state [H, B]. Writes act = (σ(f), σ(i), σ(o), tanh(c̃)),
     * c_t = f ⊙ c_{t−1} + i ⊙ c̃, tanh(c_t) and h_t = o ⊙ tanh(c_t). {@code act} may be {@code pre}.
     */
    public void lstmStepForward(int n, Storage pre, int preOff, Storage cPrev, int cPrevOff, Storage act, int actOff,
                                Storage c, int cOff, Storage tanhC, int tanhCOff, Storage h, int hOff) {
        DType dt = sameDtype("lstmStepForward", pre, cPrev, act, c, tanhC, h);
        elementwise("lstm_step_forward", dt, n, ints(n), ptr(pre, preOff), ptr(cPrev, cPrevOff), ptr(act, actOff),
                ptr(c, cOff), ptr(tanhC, tanhCOff), ptr(h, hOff));
    }

    /**
     * One LSTM step back (lstm.cu), from the saved act and tanh(c_t), c_{t−1}, dh = ∂L/∂h_t and
     * dc = ∂L/∂c_t: writes dpre (four gate blocks, as {@code pre}) and replaces dc by ∂L/∂c_{t−1}.
     * dh_{t−1} = W_hᵀ dpre is left to {@link #gemm}.
     */
    public void lstmStepBackward(int n, Storage act, int actOff, Storage cPrev, int cPrevOff, Storage tanhC,
                                 int tanhCOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dpre, int dpreOff) {
        DType dt = sameDtype("lstmStepBackward", act, cPrev, tanhC, dh, dc, dpre);
        elementwise("lstm_step_backward", dt, n, ints(n), ptr(act, actOff), ptr(cPrev, cPrevOff),
                ptr(tanhC, tanhCOff), ptr(dh, dhOff), ptr(dc, dcOff), ptr(dpre, dpreOff));
    }

    /**
     * Dot-score attention pooling (attention.cu), like {@code jgrad.nn.layers.Attention} with score dot:
     * for x [B, T, d], h [B, d] and an optional mask [B, T] (1 keep, 0 drop; null keeps all), writes
     * α = softmax over the kept positions of x_t·h [B, T] (0 where dropped, all 0 in a fully dropped row)
     * and c = Σ_t α_t x_t [B, d]. All contiguous from offset 0.
     */
    public void attentionPoolForward(int batch, int steps, int d, Storage x, Storage h, Storage mask, Storage alpha,
                                     Storage c) {
        DType dt = mask == null ? sameDtype("attentionPoolForward", x, h, alpha, c)
                : sameDtype("attentionPoolForward", x, h, mask, alpha, c);
        rows("attention_forward", dt, batch, steps, ints(batch), ints(steps), ints(d), ptr(x, 0), ptr(h, 0),
                orNull(mask), ptr(alpha, 0), ptr(c, 0));
    }

    /**
     * The backward of {@link #attentionPoolForward} from its α, gc = ∂L/∂c and the optional
     * gAlpha = ∂L/∂α (null: 0): writes the score gradient de [B, T] (for callers chaining another score),
     * dx [B, T, d] and dh [B, d].
     */
    public void attentionPoolBackward(int batch, int steps, int d, Storage x, Storage h, Storage alpha, Storage gAlpha,
                                      Storage gc, Storage de, Storage dx, Storage dh) {
        DType dt = gAlpha == null ? sameDtype("attentionPoolBackward", x, h, alpha, gc, de, dx, dh)
                : sameDtype("attentionPoolBackward", x, h, alpha, gAlpha, gc, de, dx, dh);
        rows("attention_backward", dt, batch, steps, ints(batch), ints(steps), ints(d), ptr(x, 0), ptr(h, 0),
                ptr(alpha, 0), orNull(gAlpha), ptr(gc, 0), ptr(de, 0), ptr(dx, 0), ptr(dh, 0));
    }

    /**
     * Inverted-dropout mask (random.cu): out[outOff + i] = 1/(1−p) where
     * {@code jgrad.random.Philox.dropoutKeeps(seed, offset + i, p)}, else 0; the same bits on every device.
     */
    @Override
    public void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff) {
        DType dt = sameDtype("dropoutMask", out);
        elementwise("dropout_mask", dt, n, ints(n), longs(seed), longs(offset), real(DType.F64, p), ptr(out, outOff));
    }

    /**
     * Uniform numbers in [lo, hi) (random.cu): out[outOff + i] is {@code jgrad.random.Philox}'s uniform of
     * the storage's dtype at (seed, offset + i), mapped to [lo, hi).
     */
    public void uniform(int n, long seed, long offset, double lo, double hi, Storage out, int outOff) {
        DType dt = sameDtype("uniform", out);
        elementwise("uniform", dt, n, ints(n), longs(seed), longs(offset), real(dt, lo), real(dt, hi), ptr(out, outOff));
    }

    /** One thread per element in grid-stride loops. */
    private void elementwise(String kernel, DType dt, int n, KernelArg... params) {
        if (n <= 0) {
            return;
        }
        launch(kernel, dt, (int) Math.min(MAX_GRID, (n + (long) BLOCK - 1) / BLOCK), BLOCK, params);
    }

    /** One block per row; the block is a power of two, no wider than the row needs. */
    private void rows(String kernel, DType dt, int rows, int cols, KernelArg... params) {
        if (rows <= 0) {
            return;
        }
        int block = 32;
        while (block < ROW_BLOCK_MAX && block < cols) {
            block *= 2;
        }
        launch(kernel, dt, Math.min(rows, 65_535), block, params);
    }

    private void launch(String kernel, DType dt, int grid, int block, KernelArg... params) {
        driver.launch(kernel + (dt == DType.F32 ? "_f32" : "_f64"), grid, block, params);
        driver.sync();
        Reference.reachabilityFence(params);  // the buffers stay allocated until the kernel is done
    }

    private KernelArg uploadIds(int[] values) {
        if (ids == null || ids.bytes() < 4L * values.length) {
            if (ids != null) {
                driver.freeing(ids).run();
            }
            ids = driver.allocate(4L * Math.max(1024, values.length));
        }
        if (values.length > 0) {
            driver.copyToDevice(new HostArray.Ints(values), ids, 0);
        }
        return new KernelArg.Pointer(ids, 0);
    }

    private static CudaStorage cuda(Storage s) {
        if (s instanceof CudaStorage c) {
            return c;
        }
        throw new IllegalArgumentException("the CUDA backend needs CUDA storages, got a " + s.device()
                + " storage: copy it with tensor.to(Device.CUDA)");
    }

    private static DType sameDtype(String op, Storage... storages) {
        DType dt = storages[0].dtype();
        for (Storage s : storages) {
            cuda(s);
            if (s.dtype() != dt) {
                throw new IllegalArgumentException(op + ": mixed dtypes " + dt + " and " + s.dtype());
            }
        }
        return dt;
    }

    private static void checkStep(int step) {
        if (step != 0 && step != 1) {
            throw new IllegalArgumentException("binary: steps are 0 or 1, got " + step);
        }
    }

    private static KernelArg.Pointer ptr(Storage s, int offset) {
        return cuda(s).at(offset);
    }

    /** An optional buffer: the kernels take a null device pointer as "none". */
    private static KernelArg orNull(Storage s) {
        return s == null ? new KernelArg.Null() : ptr(s, 0);
    }

    private static KernelArg ints(int v) {
        return new KernelArg.Int(v);
    }

    /** A 64-bit integer (the kernels read a seed or an offset as unsigned long long). */
    private static KernelArg longs(long v) {
        return new KernelArg.Long(v);
    }

    private static KernelArg real(DType dt, double v) {
        return dt == DType.F32 ? new KernelArg.Float((float) v) : new KernelArg.Double(v);
    }

    /** Releases the driver (on the GPU: the stream, modules, cuBLAS handle and context). */
    @Override
    public void close() {
        if (ids != null) {
            driver.freeing(ids).run();
            ids = null;
        }
        driver.close();
    }

    /** The RNN step's activation h = σ(pre) (rnn.cu), σ by its UnaryOp code. */
    @Override
    public void rnnStepForward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff) {
        DType dt = sameDtype("rnnStepForward", pre, h);
        elementwise("rnn_step_forward", dt, n, ints(sigma.ordinal()), real(dt, alpha), ints(n), ptr(pre, preOff),
                ptr(h, hOff));
    }

    /** One RNN step back (rnn.cu): dh ← up + dh, dpre = dh ⊙ σ'(pre). */
    @Override
    public void rnnStepBackward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff,
                                Storage up, int upOff, int upStep, Storage dh, int dhOff, Storage dpre, int dpreOff) {
        DType dt = sameDtype("rnnStepBackward", pre, h, up, dh, dpre);
        checkStep(upStep);
        elementwise("rnn_step_backward", dt, n, ints(sigma.ordinal()), real(dt, alpha), ints(n), ptr(pre, preOff),
                ptr(h, hOff), ptr(up, upOff), ints(upStep), ptr(dh, dhOff), ptr(dpre, dpreOff));
    }

    /** The GRU gates' half step (gru.cu): σ of z and r, and r ⊙ h_{t−1}. */
    @Override
    public void gruGatesForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                Storage resetH, int resetHOff) {
        DType dt = sameDtype("gruGatesForward", pre, hPrev, act, resetH);
        elementwise("gru_gates_forward", dt, n, ints(n), ptr(pre, preOff), ptr(hPrev, hPrevOff), ptr(act, actOff),
                ptr(resetH, resetHOff));
    }

    /** The GRU state's half step (gru.cu): h̃ = tanh(pre_h̃), h_t = h̃ + z ⊙ (h_{t−1} − h̃). */
    @Override
    public void gruStateForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                Storage h, int hOff) {
        DType dt = sameDtype("gruStateForward", pre, hPrev, act, h);
        elementwise("gru_state_forward", dt, n, ints(n), ptr(pre, preOff), ptr(hPrev, hPrevOff), ptr(act, actOff),
                ptr(h, hOff));
    }

    /** The GRU step back through the state (gru.cu): dh ← up + dh, dpre_h̃. */
    @Override
    public void gruStateBackward(int n, Storage act, int actOff, Storage up, int upOff, int upStep, Storage dh,
                                 int dhOff, Storage dpre, int dpreOff) {
        DType dt = sameDtype("gruStateBackward", act, up, dh, dpre);
        checkStep(upStep);
        elementwise("gru_state_backward", dt, n, ints(n), ptr(act, actOff), ptr(up, upOff), ints(upStep),
                ptr(dh, dhOff), ptr(dpre, dpreOff));
    }

    /** The GRU step back through the gates (gru.cu): dpre_z, dpre_r and the direct part of ∂L/∂h_{t−1}. */
    @Override
    public void gruGatesBackward(int n, Storage act, int actOff, Storage hPrev, int hPrevOff, Storage dh, int dhOff,
                                 Storage dResetH, int dResetHOff, Storage dhPrev, int dhPrevOff, Storage dpre,
                                 int dpreOff) {
        DType dt = sameDtype("gruGatesBackward", act, hPrev, dh, dResetH, dhPrev, dpre);
        elementwise("gru_gates_backward", dt, n, ints(n), ptr(act, actOff), ptr(hPrev, hPrevOff), ptr(dh, dhOff),
                ptr(dResetH, dResetHOff), ptr(dhPrev, dhPrevOff), ptr(dpre, dpreOff));
    }

    /** The rule of {@link SgdStep} in place (optim.cu), in double like the reference; b (null without momentum) shares w's offset. */
    @Override
    public void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step) {
        DType dt = step.hasMomentum() ? sameDtype("sgd", w, b, g) : sameDtype("sgd", w, g);
        elementwise("sgd", dt, n, ints(n), ptr(w, wOff), step.hasMomentum() ? ptr(b, wOff) : orNull(null), ptr(g, gOff),
                real(DType.F64, step.lr()), real(DType.F64, step.momentum()), ints(step.nesterov() ? 1 : 0));
    }

    /** Adagrad in place (optim.cu), in double like the reference; s shares w's offset. */
    @Override
    public void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        DType dt = sameDtype("adagrad", w, s, g);
        elementwise("adagrad", dt, n, ints(n), ptr(w, wOff), ptr(s, wOff), ptr(g, gOff), real(DType.F64, lr),
                real(DType.F64, epsilon));
    }

    /** RMSprop in place (optim.cu), in double like the reference; v shares w's offset. */
    @Override
    public void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        DType dt = sameDtype("rmsprop", w, v, g);
        elementwise("rmsprop", dt, n, ints(n), ptr(w, wOff), ptr(v, wOff), ptr(g, gOff), real(DType.F64, lr),
                real(DType.F64, rho), real(DType.F64, epsilon));
    }

    /** Adadelta in place (optim.cu), in double like the reference; s and u share w's offset. */
    @Override
    public void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                         double epsilon) {
        DType dt = sameDtype("adadelta", w, s, u, g);
        elementwise("adadelta", dt, n, ints(n), ptr(w, wOff), ptr(s, wOff), ptr(u, wOff), ptr(g, gOff),
                real(DType.F64, lr), real(DType.F64, rho), real(DType.F64, epsilon));
    }

    /** out = g + l1·sign(w) + 2·l2·w (optim.cu); out may be g. */
    @Override
    public void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff, double l1,
                                double l2) {
        DType dt = sameDtype("penaltyGradient", w, g, out);
        elementwise("penalty_gradient", dt, n, ints(n), ptr(w, wOff), ptr(g, gOff), ptr(out, outOff),
                real(DType.F64, l1), real(DType.F64, l2));
    }

    /** acc[accOff] += Σ x² in one block (optim.cu); acc is an F64 device buffer whatever x's dtype. */
    @Override
    public void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff) {
        DType dt = sameDtype("sumOfSquares", x);
        checkSumOfSquares("sumOfSquares", acc);
        rows("sum_of_squares", dt, 1, n, ints(n), ptr(x, xOff), ptr(acc, accOff));
    }

    /** x ← x·(c/N) if N = √sumSq[sOff] > c, decided on the device (optim.cu): no transfer to the host. */
    @Override
    public void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm) {
        DType dt = sameDtype("clipToNorm", x);
        checkSumOfSquares("clipToNorm", sumSq);
        elementwise("clip_to_norm", dt, n, ints(n), ptr(x, xOff), ptr(sumSq, sOff), real(DType.F64, maxNorm));
    }

    private static void checkSumOfSquares(String op, Storage s) {
        if (cuda(s).dtype() != DType.F64) {
            throw new IllegalArgumentException(op + ": the sum of squares is an F64 storage, got " + s.dtype());
        }
    }
}

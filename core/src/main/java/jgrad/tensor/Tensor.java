package jgrad.tensor;

import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import java.util.Arrays;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.autograd.LeafGrad;
import jgrad.autograd.OpRecord;
import jgrad.autograd.RowGrad;
import jgrad.backend.Arena;
import jgrad.backend.Backend;
import jgrad.ops.Elementwise;
import jgrad.ops.Indexing;
import jgrad.ops.Joining;
import jgrad.ops.MatMul;
import jgrad.ops.Reductions;
import jgrad.ops.Softmax;
import jgrad.ops.Views;

/**
 * An n-dimensional array of F32 or F64 numbers that records how it was computed, so that
 * {@link #backward()} can differentiate through it.
 *
 * <p>A tensor is a view onto a {@link Storage}: a shape, row-major strides and an offset.
 * Reshape of a contiguous tensor, transpose/permute, narrow and expand are views that share the
 * storage; everything else writes a new contiguous tensor. Operations check their arguments and
 * name the op and the shapes when something does not fit.
 *
 * <p>A tensor lives on the {@link Device} of its storage. Every op allocates its result there and
 * computes it with that device's {@link Backend}; inputs on two devices are an error. Reading
 * numbers into Java ({@link #get}, {@link #item}, {@link #toFloatArray}, printing the values) works
 * on the host only: other devices need an explicit {@link #to(Device) to(Device.CPU)}.
 */
public final class Tensor {

    /** Tensor objects made in an {@link Arena} scope are lent by it and taken back at its close (see {@link #shell}). */
    private static final Arena.Kind<Tensor> SHELLS = Arena.Kind.of(Tensor::new, Tensor::recycle);
    /** The storage of a tensor taken back by its arena: any use of it fails, naming the cause. */
    private static final Storage RECYCLED = new RecycledStorage();

    private Storage storage;
    private int[] shape;               // shared with every tensor of this shape, never written (ShapeTable)
    private int[] strides;             // shared likewise
    private int offset;

    private boolean requiresGrad;
    private LeafGrad grads;            // made by the first gradient a leaf receives, not for every tensor
    private OpRecord gradFn;
    private boolean sparseGrad;

    /** A view onto {@code storage}; low level, for ops and backends. Never recycled (see {@link #view}). */
    public Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        checkRanks(shape, strides);
        this.storage = storage;
        this.shape = ShapeTable.intern(shape);
        this.strides = ShapeTable.intern(strides);
        this.offset = offset;
    }

    private Tensor() {
    }

    /**
     * A view onto {@code storage} made by an op: like the constructor, but in an {@link Arena} scope the object is lent
     * by the scope and, like the scope's storages, invalid after it closes. Low level, for ops and backends.
     */
    public static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        checkRanks(shape, strides);
        return shell(storage, offset, ShapeTable.intern(shape), ShapeTable.intern(strides));
    }

    /**
     * A row-major view of {@code shape} onto {@code storage} from {@code offset}, made by an op as {@link #view}. The
     * shape is not kept (see {@link ShapeTable}), and the strides are not computed anew.
     */
    public static Tensor rowMajorView(Storage storage, int offset, int... shape) {
        int[] shared = ShapeTable.intern(shape);
        return shell(storage, offset, shared, ShapeTable.rowMajorStrides(shared));
    }

    /** {@link #rowMajorView(Storage, int, int...)} of a vector, without a shape array. */
    public static Tensor rowMajorView(Storage storage, int offset, int length) {
        int[] shared = ShapeTable.ofRank(1, length, 0);
        return shell(storage, offset, shared, ShapeTable.rowMajorStrides(shared));
    }

    /** {@link #rowMajorView(Storage, int, int...)} of a matrix, without a shape array. */
    public static Tensor rowMajorView(Storage storage, int offset, int rows, int cols) {
        int[] shared = ShapeTable.ofRank(2, rows, cols);
        return shell(storage, offset, shared, ShapeTable.rowMajorStrides(shared));
    }

    private static void checkRanks(int[] shape, int[] strides) {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
        }
    }

    /**
     * A tensor object for arrays already shared ({@link ShapeTable}): lent by the open {@link Arena} scope if any (the
     * graph's tensors then cost no objects from step to step), else new. A lent one is blank: {@link #recycle} cleared
     * it when its last scope closed.
     */
    private static Tensor shell(Storage storage, int offset, int[] sharedShape, int[] sharedStrides) {
        Tensor t = Arena.lend(SHELLS);
        t.storage = storage;
        t.shape = sharedShape;
        t.strides = sharedStrides;
        t.offset = offset;
        return t;
    }

    /** A contiguous {@link #shell} over storage from its start. */
    private static Tensor contiguousShell(Storage storage, int[] sharedShape) {
        return shell(storage, 0, sharedShape, ShapeTable.rowMajorStrides(sharedShape));
    }

    /**
     * Clears a tensor its arena took back, so that it holds nothing of its step and so that code still using it
     * fails at once ({@link RecycledStorage}) rather than read whatever the next step put in its storage.
     */
    private static void recycle(Tensor t, boolean poison) {
        t.storage = RECYCLED;
        t.requiresGrad = false;
        t.grads = null;
        t.gradFn = null;
        t.sparseGrad = false;
    }

    /** A contiguous tensor over the whole of storage, of {@code shape} (not kept: see {@link ShapeTable}); never recycled. */
    private Tensor(Storage storage, int[] shape) {
        this.storage = storage;
        this.shape = ShapeTable.intern(shape);
        this.strides = ShapeTable.rowMajorStrides(this.shape);
    }

    // ---------------------------------------------------------------- creation

    /** A new contiguous tensor of zeros on the host. */
    public static Tensor zeros(DType dtype, int... shape) {
        return zeros(Device.CPU, dtype, shape);
    }

    /** A new contiguous tensor of zeros on {@code device}, allocated by its backend. */
    public static Tensor zeros(Device device, DType dtype, int... shape) {
        return contiguousShell(device.backend().allocate(dtype, Shapes.numel(shape)), ShapeTable.intern(shape));
    }

    /** {@link #zeros(Device, DType, int...)} of a scalar, without a shape array. */
    public static Tensor zeros(Device device, DType dtype) {
        return contiguousShell(device.backend().allocate(dtype, 1), ShapeTable.ofRank(0, 0, 0));
    }

    /** {@link #zeros(Device, DType, int...)} of a vector, without a shape array. */
    public static Tensor zeros(Device device, DType dtype, int length) {
        return contiguousShell(device.backend().allocate(dtype, Shapes.numel(length, 1)), ShapeTable.ofRank(1, length, 0));
    }

    /** {@link #zeros(Device, DType, int...)} of a matrix, without a shape array. */
    public static Tensor zeros(Device device, DType dtype, int rows, int cols) {
        return contiguousShell(device.backend().allocate(dtype, Shapes.numel(rows, cols)), ShapeTable.ofRank(2, rows, cols));
    }

    /**
     * A new contiguous tensor whose contents are unspecified, for an output that its kernel writes in full (a GEMM
     * with β = 0, an elementwise op, im2col, pooling): from {@link jgrad.backend.Backend#allocateForOverwrite}, so
     * that a training step's {@link jgrad.backend.Arena} does not clear it first (PyTorch's {@code empty}).
     */
    public static Tensor forOverwrite(Device device, DType dtype, int... shape) {
        return contiguousShell(device.backend().allocateForOverwrite(dtype, Shapes.numel(shape)), ShapeTable.intern(shape));
    }

    /** {@link #forOverwrite(Device, DType, int...)} of a vector, without a shape array. */
    public static Tensor forOverwrite(Device device, DType dtype, int length) {
        return contiguousShell(device.backend().allocateForOverwrite(dtype, Shapes.numel(length, 1)),
                ShapeTable.ofRank(1, length, 0));
    }

    /** {@link #forOverwrite(Device, DType, int...)} of a matrix, without a shape array. */
    public static Tensor forOverwrite(Device device, DType dtype, int rows, int cols) {
        return contiguousShell(device.backend().allocateForOverwrite(dtype, Shapes.numel(rows, cols)),
                ShapeTable.ofRank(2, rows, cols));
    }

    /** {@link #forOverwrite} with {@code like}'s shape, dtype and device, sharing its shape arrays as {@link #zerosLike}. */
    public static Tensor forOverwriteLike(Tensor like) {
        Storage storage = like.backend().allocateForOverwrite(like.dtype(), like.numel());
        int[] strides = like.hasRowMajorStrides() ? like.strides : ShapeTable.rowMajorStrides(like.shape);
        return shell(storage, 0, like.shape, strides);
    }

    /**
     * A new contiguous tensor of zeros with {@code like}'s shape, dtype and device (PyTorch's
     * {@code zeros_like}). It shares like's shape array and the shape's row-major strides ({@link ShapeTable}).
     */
    public static Tensor zerosLike(Tensor like) {
        Storage storage = like.backend().allocate(like.dtype(), like.numel());
        int[] strides = like.hasRowMajorStrides() ? like.strides : ShapeTable.rowMajorStrides(like.shape);
        return shell(storage, 0, like.shape, strides);
    }

    /** Whether the strides are exactly those of a row-major layout of the shape (size-1 axes included). */
    private boolean hasRowMajorStrides() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (strides[d] != expected) {
                return false;
            }
            expected *= Math.max(shape[d], 1);
        }
        return true;
    }

    public static Tensor zeros(int... shape) {
        return zeros(DType.F32, shape);
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        return full(Device.CPU, dtype, value, shape);
    }

    /** A new contiguous tensor on {@code device} with every element {@code value}. */
    public static Tensor full(Device device, DType dtype, double value, int... shape) {
        Tensor t = zeros(device, dtype, shape);
        t.backend().fill(t.numel(), t.storage, 0, value);
        return t;
    }

    /** {@link #full(Device, DType, double, int...)} of a vector, without a shape array. */
    public static Tensor full(Device device, DType dtype, double value, int length) {
        Tensor t = zeros(device, dtype, length);
        t.backend().fill(t.numel(), t.storage, 0, value);
        return t;
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    public static Tensor ones(int... shape) {
        return ones(DType.F32, shape);
    }

    /** A 0-dimensional tensor holding one number. */
    public static Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    /** 0, 1, …, n−1. */
    public static Tensor arange(DType dtype, int n) {
        double[] values = new double[n];
        Arrays.setAll(values, i -> i);
        return of(values, n).to(dtype);
    }

    /** Wraps a copy of {@code data} (row-major) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(new Storage.F32(data.clone()), shape);
    }

    public static Tensor of(double[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(new Storage.F64(data.clone()), shape);
    }

    /** A matrix from rows of equal length. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Tensor(new Storage.F32(data), new int[] {rows.length, cols});
    }

    /** Samples of N(mean, std²) from the caller's seeded generator. */
    public static Tensor randn(RandomGenerator rng, DType dtype, double mean, double std, int... shape) {
        double[] values = new double[Shapes.numel(shape)];
        Arrays.setAll(values, i -> mean + std * rng.nextGaussian());
        return of(values, shape).to(dtype);
    }

    public static Tensor randn(RandomGenerator rng, int... shape) {
        return randn(rng, DType.F32, 0, 1, shape);
    }

    /** Samples of U[lo, hi) from the caller's seeded generator. */
    public static Tensor rand(RandomGenerator rng, DType dtype, double lo, double hi, int... shape) {
        double[] values = new double[Shapes.numel(shape)];
        Arrays.setAll(values, i -> lo + (hi - lo) * rng.nextDouble());
        return of(values, shape).to(dtype);
    }

    private static void checkLength(int length, int[] shape) {
        if (length != Shapes.numel(shape)) {
            throw new IllegalArgumentException(length + " values cannot fill shape " + Shapes.format(shape)
                    + " (" + Shapes.numel(shape) + " elements)");
        }
    }

    // ---------------------------------------------------------------- what it is

    public int[] shape() {
        return shape.clone();
    }

    /** Whether {@code other} has this tensor's shape (without copying either shape). */
    public boolean sameShape(Tensor other) {
        return shape == other.shape || Arrays.equals(shape, other.shape);
    }

    /** Whether this tensor has the given shape (without copying its own). */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The stride of one axis in elements (without copying the strides); negative axes count from the end. */
    public int stride(int axis) {
        return strides[Shapes.axis("stride", axis, strides.length)];
    }

    /** The size of one axis; negative axes count from the end. */
    public int shape(int axis) {
        return shape[Shapes.axis("shape", axis, shape.length)];
    }

    public int rank() {
        return shape.length;
    }

    public int numel() {
        return Shapes.numel(shape);
    }

    public DType dtype() {
        return storage.dtype();
    }

    public Device device() {
        return storage.device();
    }

    /** The backend that computes on this tensor's device. */
    public Backend backend() {
        return storage.device().backend();
    }

    public Storage storage() {
        if (storage == RECYCLED) {
            throw RecycledStorage.used();
        }
        return storage;
    }

    public int offset() {
        return offset;
    }

    public int[] strides() {
        return strides.clone();
    }

    /** True when every element is the same stored number: each axis longer than 1 has stride 0 (an expanded scalar). */
    public boolean readsOneNumber() {
        return Shapes.isConstant(shape, strides);
    }

    /** True when the elements lie in row-major order without gaps (so kernels can read it flat). */
    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    // ---------------------------------------------------------------- reading and writing elements

    /** The element at {@code index} (one index per axis). */
    public double get(int... index) {
        requireHost("get");
        return storage.get(position(index));
    }

    /** Writes one element in place; not recorded by autograd (for initialization, tests, optimizers). */
    public void set(double value, int... index) {
        requireHost("set");
        storage.set(position(index), value);
    }

    /** The single number of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item(): tensor of shape " + Shapes.format(shape)
                    + " has " + numel() + " elements, not 1");
        }
        requireHost("item()");
        return storage.get(contiguous().offset);
    }

    /** Host reads and writes of a device tensor are an explicit transfer, never a silent one. */
    private void requireHost(String what) {
        if (device() != Device.CPU) {
            throw new IllegalStateException(what + ": this " + Shapes.format(shape) + " tensor lives on the "
                    + device() + " device; copy it to the host first with to(Device.CPU)");
        }
    }

    private int position(int[] index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates, tensor has rank " + shape.length);
        }
        int p = offset;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + index[d] + " is out of range for axis " + d
                        + " of size " + shape[d]);
            }
            p += index[d] * strides[d];
        }
        return p;
    }

    /** All elements in row-major order, as floats. */
    public float[] toFloatArray() {
        requireHost("toFloatArray()");
        Tensor c = contiguous().to(DType.F32);
        return Arrays.copyOfRange(((Storage.F32) c.storage).a, c.offset, c.offset + c.numel());
    }

    /**
     * Writes all elements in row-major order into {@code out[0 … numel)}, converted to double: the read
     * of {@link #toDoubleArray} into the caller's array, for query paths that reuse one.
     */
    public void copyInto(double[] out) {
        requireHost("copyInto()");
        if (out.length < numel()) {
            throw new IllegalArgumentException("copyInto: " + numel() + " elements do not fit in " + out.length);
        }
        Tensor c = contiguous();
        backend().convert(numel(), c.storage, c.offset, new Storage.F64(out), 0);
    }

    /** All elements in row-major order, as doubles. */
    public double[] toDoubleArray() {
        requireHost("toDoubleArray()");
        Tensor c = contiguous().to(DType.F64);
        return Arrays.copyOfRange(((Storage.F64) c.storage).a, c.offset, c.offset + c.numel());
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf whose gradient {@link #backward()} should compute. Returns this. */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag) {
            throw new IllegalStateException("requiresGrad(false) on a computed tensor: use detach()");
        }
        this.requiresGrad = flag;
        return this;
    }

    /** The accumulated gradient of a leaf, or null before any backward. */
    public Tensor grad() {
        return grads == null ? null : grads.dense();
    }

    public void zeroGrad() {
        if (grads != null) {
            grads.clear();
        }
    }

    /**
     * Asks for a row-sparse gradient: when this leaf is read only through {@link #gatherRows},
     * backward fills {@link #rowGrad()} with the touched rows instead of a dense {@link #grad()}.
     */
    public Tensor sparseGrad(boolean flag) {
        this.sparseGrad = flag;
        return this;
    }

    public boolean isSparseGrad() {
        return sparseGrad;
    }

    /** The row-sparse gradient accumulated so far, or null (see {@link #sparseGrad(boolean)}). */
    public RowGrad rowGrad() {
        return grads == null ? null : grads.rows();
    }

    /** Adds the gradient rows g[i] of rows ids[i] to this leaf's row-sparse gradient. */
    public void accumulateRowGrad(int[] ids, Tensor g) {
        leafGrad().addRows(ids, g);
    }

    /** The record of the operation that made this tensor, or null for a leaf. */
    public OpRecord gradFn() {
        return gradFn;
    }

    /** Records that {@code op} made this tensor from {@code inputs}, if any of them needs a gradient. */
    public Tensor recordedAs(String op, OpRecord.Backward backward, Tensor... inputs) {
        return recorded(op, backward, false, inputs);
    }

    /**
     * {@link #recordedAs}, for a rule whose gradients are new contiguous tensors that nothing else references
     * ({@link OpRecord.Backward#returnsNewGradients}): the engine may add into them in place.
     */
    public Tensor recordedWithNewGradients(String op, OpRecord.Backward backward, Tensor... inputs) {
        return recorded(op, backward, true, inputs);
    }

    private Tensor recorded(String op, OpRecord.Backward backward, boolean newGradients, Tensor[] inputs) {
        if (needsRecord(op, inputs)) {
            gradFn = new OpRecord(op, inputs, backward, newGradients);
        }
        return this;
    }

    /**
     * Records that {@code op} made this tensor from a and b (b null for one input) under a rule that reads its record
     * ({@link OpRecord.Rule}): in an {@link Arena} scope recording then costs no new object.
     */
    public Tensor recordedBy(String op, OpRecord.Rule rule, Tensor a, Tensor b) {
        return recordedBy(op, rule, false, a, b, 0, 0, null);
    }

    /**
     * {@link #recordedBy(String, OpRecord.Rule, Tensor, Tensor)} with what the rule reads besides the inputs and this
     * output ({@link OpRecord#flags}, {@link OpRecord#number}, {@link OpRecord#saved}), and whether its gradients are
     * new ({@link OpRecord.Backward#returnsNewGradients}).
     */
    public Tensor recordedBy(String op, OpRecord.Rule rule, boolean newGradients, Tensor a, Tensor b,
                             int flags, double number, Object saved) {
        if (needsRecord(op, a, b)) {
            gradFn = OpRecord.of(op, rule, newGradients, this, a, b, flags, number, saved);
        }
        return this;
    }

    /** Records that this tensor is a view onto {@code input}, whose gradient the scatter rule adds into. */
    public Tensor recordedAsView(String op, OpRecord.Scatter scatter, Tensor input) {
        if (needsRecord(op, input, null)) {
            gradFn = new OpRecord(op, input, scatter);
        }
        return this;
    }

    /**
     * Checks the output under anomaly detection, then whether the graph records this op: if so, marks this tensor
     * as needing a gradient. Written without a supplier of the record, which would be one more object per op.
     */
    private boolean needsRecord(String op, Tensor[] inputs) {
        boolean any = false;
        for (Tensor in : inputs) {
            any |= in != null && in.requiresGrad;
        }
        return needsRecord(op, any);
    }

    /** {@link #needsRecord(String, Tensor[])} of one or two inputs (b may be null), without an array of them. */
    private boolean needsRecord(String op, Tensor a, Tensor b) {
        return needsRecord(op, a != null && a.requiresGrad || b != null && b.requiresGrad);
    }

    private boolean needsRecord(String op, boolean anInputNeedsGrad) {
        if (Autograd.detectingAnomalies()) {
            Autograd.checkFinite(this, "the output of '" + op + "'");
        }
        if (!Autograd.isRecording() || !anInputNeedsGrad) {
            return false;
        }
        this.requiresGrad = true;
        return true;
    }

    /** Adds g to this leaf's gradient (the first gradient is copied, later ones summed). */
    public void accumulateGrad(Tensor g) {
        accumulateGrad(g, false);
    }

    /** Adds g to this leaf's gradient, by the rules of {@link LeafGrad#add}. */
    public void accumulateGrad(Tensor g, boolean handOver) {
        leafGrad().add(g, handOver);
    }

    private LeafGrad leafGrad() {
        if (grads == null) {
            grads = new LeafGrad();
        }
        return grads;
    }

    /** Differentiates this scalar: fills the {@code grad} of every leaf it depends on. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() without an upstream gradient needs a scalar, but this "
                    + "tensor has shape " + Shapes.format(shape) + ": call backward(upstream) with a tensor of "
                    + "that shape (e.g. ones for a sum), or reduce it first with sum() or mean()");
        }
        backward(full(device(), dtype(), 1, shape), false);  // the seed lives where the loss does
    }

    public void backward(Tensor upstream) {
        backward(upstream, false);
    }

    /** Differentiates with a given upstream gradient; {@code retainGraph} keeps the graph for another pass. */
    public void backward(Tensor upstream, boolean retainGraph) {
        Autograd.backward(this, upstream, retainGraph);
    }

    /** The same numbers, cut off from the graph. */
    public Tensor detach() {
        return shell(storage(), offset, shape, strides);
    }

    // ---------------------------------------------------------------- copies and conversions

    /** This tensor if it is contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() {
        return isContiguous() ? this : Views.copy(this);
    }

    /** A contiguous copy with its own storage (differentiable). */
    public Tensor copy() {
        return Views.copy(this);
    }

    /**
     * Overwrites this tensor's values with those of {@code src}, in place and outside autograd (loading
     * weights, restoring a snapshot). This tensor must be contiguous, and src must have its shape and dtype.
     */
    public void copyFrom(Tensor src) {
        if (!sameShape(src) || src.dtype() != dtype()) {
            throw new IllegalArgumentException("copyFrom: cannot copy a " + src.dtype() + " " + Shapes.format(src.shape())
                    + " into a " + dtype() + " " + Shapes.format(shape()));
        }
        if (!isContiguous()) {
            throw new IllegalArgumentException("copyFrom: the destination " + Shapes.format(shape())
                    + " is a non-contiguous view");
        }
        src.writeInto(Device.common("copyFrom", device(), src.device()).backend(), storage, offset);
    }

    /**
     * Writes this tensor's elements in row-major order into {@code dst} from {@code dstOffset} (the backend's strided
     * copy), reading its layout in place: the non-differentiable core of {@link #copy}.
     */
    public void writeInto(Storage dst, int dstOffset) {
        writeInto(backend(), dst, dstOffset);
    }

    /** A contiguous tensor goes as one run of numel (a kernel then needs no odometer, which would be an array). */
    private void writeInto(Backend backend, Storage dst, int dstOffset) {
        if (isContiguous()) {
            backend.copy(ShapeTable.ofRank(1, numel(), 0), storage(), offset, ShapeTable.ofRank(1, 1, 0), dst, dstOffset);
        } else {
            backend.copy(shape, storage(), offset, strides, dst, dstOffset);
        }
    }

    /** The same values in another dtype (differentiable; the gradient converts back). */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Elementwise.convert(this, dtype);
    }

    /**
     * A copy on another device (an explicit copy, cut off from the graph), or this tensor if it is
     * there already. A view is first made contiguous where it lives; the copy then goes through the
     * host (the source's backend downloads, the target's uploads).
     */
    public Tensor to(Device target) {
        if (target == device()) {
            return this;
        }
        Tensor whole;
        try (var ignored = jgrad.autograd.Autograd.noGrad()) {
            whole = isContiguous() && offset == 0 && storage.length() == numel() ? this : Views.copy(this);
        }
        Storage host = device() == Device.CPU ? whole.storage : backend().download(whole.storage);
        Storage there = target == Device.CPU ? host : target.backend().upload(host);
        return new Tensor(there, shape);
    }

    /**
     * Moves a leaf's numbers to another device in place, so that everything holding this tensor (a
     * layer's field, an optimizer's slot) sees it there: how {@code Module.to(device)} moves a model.
     * Its gradient is dropped. Only a whole, contiguous leaf can move; other tensors use {@link #to(Device)}.
     */
    public void moveTo(Device target) {
        if (gradFn != null || !isContiguous() || offset != 0 || storage.length() != numel()) {
            throw new IllegalStateException("moveTo(" + target + "): only a whole contiguous leaf moves in place; this "
                    + Shapes.format(shape) + " tensor is " + (gradFn != null ? "computed by '" + gradFn.op() + "'" : "a view")
                    + ": use to(device)");
        }
        storage = to(target).storage;
        zeroGrad();
    }

    // ---------------------------------------------------------------- views

    /** The same elements in another shape; one dimension may be −1 (inferred). Copies only if not contiguous. */
    public Tensor reshape(int... newShape) {
        return Views.reshape(this, newShape);
    }

    /** The same elements in {@code like}'s shape (without copying that shape): {@link #reshape}. */
    public Tensor reshapeAs(Tensor like) {
        return Views.reshape(this, like.shape);
    }

    public Tensor permute(int... axes) {
        return Views.permute(this, axes);
    }

    public Tensor transpose(int axis0, int axis1) {
        return Views.transpose(this, axis0, axis1);
    }

    /** The transpose of a matrix. */
    public Tensor t() {
        if (rank() != 2) {
            throw new IllegalArgumentException("t(): needs a matrix, got shape " + Shapes.format(shape));
        }
        return transpose(0, 1);
    }

    /** Elements [start, start+length) along an axis. */
    public Tensor narrow(int axis, int start, int length) {
        return Views.narrow(this, axis, start, length);
    }

    /**
     * A view of this tensor's storage with its strides, another shape and another offset (a narrow: the shape may
     * only shrink within the same elements); low level, for ops, made as {@link #view}. Not recorded.
     */
    public Tensor withShape(int[] shape, int offset) {
        checkRanks(shape, strides);
        return shell(storage(), offset, ShapeTable.intern(shape), strides);
    }

    /** {@link #expand} to {@code like}'s shape (without copying that shape). */
    public Tensor expandAs(Tensor like) {
        return Views.expand(this, like.shape);
    }

    /** Broadcasts axes of size 1 to larger sizes (and adds leading axes) without copying. */
    public Tensor expand(int... newShape) {
        return Views.expand(this, newShape);
    }

    public Tensor unsqueeze(int axis) {
        return Views.unsqueeze(this, axis);
    }

    public Tensor squeeze(int axis) {
        return Views.squeeze(this, axis);
    }

    // ---------------------------------------------------------------- elementwise

    public Tensor add(Tensor b) { return Elementwise.add(this, b); }
    public Tensor sub(Tensor b) { return Elementwise.sub(this, b); }
    public Tensor mul(Tensor b) { return Elementwise.mul(this, b); }
    public Tensor div(Tensor b) { return Elementwise.div(this, b); }
    public Tensor pow(Tensor b) { return Elementwise.pow(this, b); }
    public Tensor maximum(Tensor b) { return Elementwise.maximum(this, b); }
    public Tensor minimum(Tensor b) { return Elementwise.minimum(this, b); }

    public Tensor add(double b) { return Elementwise.shift(this, b); }
    public Tensor sub(double b) { return Elementwise.shift(this, -b); }
    public Tensor mul(double b) { return Elementwise.scale(this, b); }
    public Tensor div(double b) { return Elementwise.scale(this, 1 / b); }
    public Tensor pow(double exponent) { return Elementwise.powScalar(this, exponent); }

    public Tensor neg() { return Elementwise.neg(this); }
    public Tensor exp() { return Elementwise.exp(this); }
    public Tensor log() { return Elementwise.log(this); }
    public Tensor sqrt() { return Elementwise.sqrt(this); }
    public Tensor abs() { return Elementwise.abs(this); }
    public Tensor tanh() { return Elementwise.tanh(this); }
    public Tensor sigmoid() { return Elementwise.sigmoid(this); }
    public Tensor relu() { return Elementwise.relu(this); }
    public Tensor leakyRelu(double slope) { return Elementwise.leakyRelu(this, slope); }

    /** Limits every element to [lo, hi]; the gradient passes where lo ≤ x ≤ hi. */
    public Tensor clamp(double lo, double hi) { return Elementwise.clamp(this, lo, hi); }

    /** Where mask is nonzero, {@code value}; elsewhere this tensor (mask broadcasts). */
    public Tensor maskedFill(Tensor mask, double value) { return Indexing.maskedFill(this, mask, value); }

    /** Elementwise choice: a where cond is nonzero, b elsewhere (all three broadcast). */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return Indexing.where(cond, a, b); }

    // ---------------------------------------------------------------- reductions and softmax

    public Tensor sum() { return Reductions.sumAll(this); }
    public Tensor sum(int axis, boolean keepDim) { return Reductions.sum(this, axis, keepDim); }
    public Tensor sum(int[] axes, boolean keepDim) { return Reductions.sum(this, axes, keepDim); }
    public Tensor mean() { return Reductions.meanAll(this); }
    public Tensor mean(int axis, boolean keepDim) { return Reductions.mean(this, new int[] {axis}, keepDim); }
    public Tensor mean(int[] axes, boolean keepDim) { return Reductions.mean(this, axes, keepDim); }
    public Tensor max() { return Reductions.maxAll(this); }
    public Tensor max(int axis, boolean keepDim) { return Reductions.max(this, axis, keepDim); }

    public Tensor softmax(int axis) { return Softmax.softmax(this, axis, false); }
    public Tensor logSoftmax(int axis) { return Softmax.softmax(this, axis, true); }

    // ---------------------------------------------------------------- products, joining, indexing

    /** Matrix product over the last two axes, batched over the leading ones (which broadcast). */
    public Tensor matmul(Tensor b) { return MatMul.matmul(this, b, false, false); }

    /** op(this)·op(b), where op transposes the last two axes when asked, without copying. */
    public Tensor matmul(Tensor b, boolean transA, boolean transB) { return MatMul.matmul(this, b, transA, transB); }

    public static Tensor concat(int axis, Tensor... parts) { return Joining.concat(axis, parts); }
    public static Tensor stack(int axis, Tensor... parts) { return Joining.stack(axis, parts); }
    public Tensor[] split(int axis, int... sizes) { return Joining.split(this, axis, sizes); }

    /** Rows of this [N, ...] table picked by id: the result has shape ids.shape + this.shape[1:]. */
    public Tensor gatherRows(int[] ids, int... idsShape) { return Indexing.gatherRows(this, ids, idsShape); }
    /** Each row of this [..., d] dotted with table[ids[i]] ([N, d]): {@link Indexing#gatherDot}. */
    public Tensor gatherDot(Tensor table, int[] ids) { return Indexing.gatherDot(this, table, ids); }

    // ---------------------------------------------------------------- printing

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}

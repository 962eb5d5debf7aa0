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
 *
 * <p>This file is the facade: what a tensor is and every operation on it. The bodies of its longer parts live in
 * package-private classes beside it: {@link TensorFactory} (the static factories), {@link TensorShells} (the objects
 * an {@link Arena} lends and takes back), {@link TensorElements} (host reads and writes), {@link TensorGraph}
 * (autograd recording) and {@link TensorTransfer} (copies across storages and devices).
 */
public final class Tensor {

    // Package-private: the helper classes of this package named above read and write them.
    Storage storage;
    int[] shape;               // shared with every tensor of this shape, never written (ShapeTable)
    int[] strides;             // shared likewise
    int offset;

    boolean requiresGrad;
    LeafGrad grads;            // made by the first gradient a leaf receives, not for every tensor
    OpRecord gradFn;
    boolean sparseGrad;

    /** A view onto {@code storage}; low level, for ops and backends. Never recycled (see {@link #view}). */
    public Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        Shapes.checkRanks(shape, strides);
        this.storage = storage;
        this.shape = ShapeTable.intern(shape);
        this.strides = ShapeTable.intern(strides);
        this.offset = offset;
    }

    /** A blank tensor object, for {@link TensorShells} to lend. */
    Tensor() {
    }

    /**
     * A view onto {@code storage} made by an op: like the constructor, but in an {@link Arena} scope the object is lent
     * by the scope and, like the scope's storages, invalid after it closes. Low level, for ops and backends.
     */
    public static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        Shapes.checkRanks(shape, strides);
        return TensorShells.shell(storage, offset, ShapeTable.intern(shape), ShapeTable.intern(strides));
    }

    /**
     * A row-major view of {@code shape} onto {@code storage} from {@code offset}, made by an op as {@link #view}. The
     * shape is not kept (see {@link ShapeTable}), and the strides are not computed anew.
     */
    public static Tensor rowMajorView(Storage storage, int offset, int... shape) {
        return TensorShells.rowMajorShell(storage, offset, ShapeTable.intern(shape));
    }

    /** {@link #rowMajorView(Storage, int, int...)} of a vector, without a shape array. */
    public static Tensor rowMajorView(Storage storage, int offset, int length) {
        return TensorShells.rowMajorShell(storage, offset, ShapeTable.ofRank(1, length, 0));
    }

    /** {@link #rowMajorView(Storage, int, int...)} of a matrix, without a shape array. */
    public static Tensor rowMajorView(Storage storage, int offset, int rows, int cols) {
        return TensorShells.rowMajorShell(storage, offset, ShapeTable.ofRank(2, rows, cols));
    }

    /** A contiguous tensor over the whole of storage, of {@code shape} (not kept: see {@link ShapeTable}); never recycled. */
    Tensor(Storage storage, int[] shape) {
        this.storage = storage;
        this.shape = ShapeTable.intern(shape);
        this.strides = ShapeTable.rowMajorStrides(this.shape);
    }

    // ---------------------------------------------------------------- creation (bodies in TensorFactory)

    /** A new contiguous tensor of zeros on the host. */
    public static Tensor zeros(DType dtype, int... shape) { return zeros(Device.CPU, dtype, shape); }

    /** A new contiguous tensor of zeros on {@code device}, allocated by its backend. */
    public static Tensor zeros(Device device, DType dtype, int... shape) {
        return TensorFactory.zeros(device, dtype, shape);
    }

    /** {@link #zeros(Device, DType, int...)} of a scalar, without a shape array. */
    public static Tensor zeros(Device device, DType dtype) { return TensorFactory.zeros(device, dtype); }

    /** {@link #zeros(Device, DType, int...)} of a vector, without a shape array. */
    public static Tensor zeros(Device device, DType dtype, int length) {
        return TensorFactory.zeros(device, dtype, length);
    }

    /** {@link #zeros(Device, DType, int...)} of a matrix, without a shape array. */
    public static Tensor zeros(Device device, DType dtype, int rows, int cols) {
        return TensorFactory.zeros(device, dtype, rows, cols);
    }

    /**
     * A new contiguous tensor whose contents are unspecified, for an output that its kernel writes in full (a GEMM
     * with β = 0, an elementwise op, im2col, pooling): from {@link jgrad.backend.Backend#allocateForOverwrite}, so
     * that a training step's {@link jgrad.backend.Arena} does not clear it first (PyTorch's {@code empty}).
     */
    public static Tensor forOverwrite(Device device, DType dtype, int... shape) {
        return TensorFactory.forOverwrite(device, dtype, shape);
    }

    /** {@link #forOverwrite(Device, DType, int...)} of a vector, without a shape array. */
    public static Tensor forOverwrite(Device device, DType dtype, int length) {
        return TensorFactory.forOverwrite(device, dtype, length);
    }

    /** {@link #forOverwrite(Device, DType, int...)} of a matrix, without a shape array. */
    public static Tensor forOverwrite(Device device, DType dtype, int rows, int cols) {
        return TensorFactory.forOverwrite(device, dtype, rows, cols);
    }

    /** {@link #forOverwrite} with {@code like}'s shape, dtype and device, sharing its shape arrays as {@link #zerosLike}. */
    public static Tensor forOverwriteLike(Tensor like) { return TensorFactory.forOverwriteLike(like); }

    /**
     * A new contiguous tensor of zeros with {@code like}'s shape, dtype and device (PyTorch's
     * {@code zeros_like}). It shares like's shape array and the shape's row-major strides ({@link ShapeTable}).
     */
    public static Tensor zerosLike(Tensor like) { return TensorFactory.zerosLike(like); }

    public static Tensor zeros(int... shape) { return zeros(DType.F32, shape); }
    public static Tensor full(DType dtype, double value, int... shape) { return full(Device.CPU, dtype, value, shape); }

    /** A new contiguous tensor on {@code device} with every element {@code value}. */
    public static Tensor full(Device device, DType dtype, double value, int... shape) {
        return TensorFactory.full(device, dtype, value, shape);
    }

    /** {@link #full(Device, DType, double, int...)} of a vector, without a shape array. */
    public static Tensor full(Device device, DType dtype, double value, int length) {
        return TensorFactory.full(device, dtype, value, length);
    }

    public static Tensor ones(DType dtype, int... shape) { return full(dtype, 1, shape); }
    public static Tensor ones(int... shape) { return ones(DType.F32, shape); }

    /** A 0-dimensional tensor holding one number. */
    public static Tensor scalar(DType dtype, double value) { return full(dtype, value); }

    /** 0, 1, …, n−1. */
    public static Tensor arange(DType dtype, int n) { return TensorFactory.arange(dtype, n); }

    /** Wraps a copy of {@code data} (row-major) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) { return TensorFactory.of(data, shape); }

    public static Tensor of(double[] data, int... shape) { return TensorFactory.of(data, shape); }

    /** A matrix from rows of equal length. */
    public static Tensor of(float[][] rows) { return TensorFactory.of(rows); }

    /** Samples of N(mean, std²) from the caller's seeded generator. */
    public static Tensor randn(RandomGenerator rng, DType dtype, double mean, double std, int... shape) {
        return TensorFactory.randn(rng, dtype, mean, std, shape);
    }

    public static Tensor randn(RandomGenerator rng, int... shape) { return randn(rng, DType.F32, 0, 1, shape); }

    /** Samples of U[lo, hi) from the caller's seeded generator. */
    public static Tensor rand(RandomGenerator rng, DType dtype, double lo, double hi, int... shape) {
        return TensorFactory.rand(rng, dtype, lo, hi, shape);
    }

    // ---------------------------------------------------------------- what it is

    public int[] shape() { return shape.clone(); }

    /** Whether {@code other} has this tensor's shape (without copying either shape). */
    public boolean sameShape(Tensor other) { return shape == other.shape || Arrays.equals(shape, other.shape); }

    /** Whether this tensor has the given shape (without copying its own). */
    public boolean hasShape(int... expected) { return Arrays.equals(shape, expected); }

    /** The stride of one axis in elements (without copying the strides); negative axes count from the end. */
    public int stride(int axis) { return strides[Shapes.axis("stride", axis, strides.length)]; }

    /** The size of one axis; negative axes count from the end. */
    public int shape(int axis) { return shape[Shapes.axis("shape", axis, shape.length)]; }

    public int rank() { return shape.length; }
    public int numel() { return Shapes.numel(shape); }
    public DType dtype() { return storage.dtype(); }
    public Device device() { return storage.device(); }

    /** The backend that computes on this tensor's device. */
    public Backend backend() { return storage.device().backend(); }

    public Storage storage() {
        if (storage == TensorShells.RECYCLED) {
            throw RecycledStorage.used();
        }
        return storage;
    }

    public int offset() { return offset; }
    public int[] strides() { return strides.clone(); }

    /** True when every element is the same stored number: each axis longer than 1 has stride 0 (an expanded scalar). */
    public boolean readsOneNumber() { return Shapes.isConstant(shape, strides); }

    /** True when the elements lie in row-major order without gaps (so kernels can read it flat). */
    public boolean isContiguous() { return Shapes.isContiguous(shape, strides); }

    // ---------------------------------------------------------------- reading and writing elements (in TensorElements)

    /** The element at {@code index} (one index per axis). */
    public double get(int... index) { return TensorElements.get(this, index); }

    /** Writes one element in place; not recorded by autograd (for initialization, tests, optimizers). */
    public void set(double value, int... index) { TensorElements.set(this, value, index); }

    /** The single number of a one-element tensor. */
    public double item() { return TensorElements.item(this); }

    /** All elements in row-major order, as floats. */
    public float[] toFloatArray() { return TensorElements.toFloatArray(this); }

    /**
     * Writes all elements in row-major order into {@code out[0 … numel)}, converted to double: the read
     * of {@link #toDoubleArray} into the caller's array, for query paths that reuse one.
     */
    public void copyInto(double[] out) { TensorElements.copyInto(this, out); }

    /** All elements in row-major order, as doubles. */
    public double[] toDoubleArray() { return TensorElements.toDoubleArray(this); }

    // ---------------------------------------------------------------- autograd (recording in TensorGraph)

    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf whose gradient {@link #backward()} should compute. Returns this. */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag) {
            throw new IllegalStateException("requiresGrad(false) on a computed tensor: use detach()");
        }
        this.requiresGrad = flag;
        return this;
    }

    /** The accumulated gradient of a leaf, or null before any backward. */
    public Tensor grad() { return grads == null ? null : grads.dense(); }

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

    public boolean isSparseGrad() { return sparseGrad; }

    /** The row-sparse gradient accumulated so far, or null (see {@link #sparseGrad(boolean)}). */
    public RowGrad rowGrad() { return grads == null ? null : grads.rows(); }

    /** Adds the gradient rows g[i] of rows ids[i] to this leaf's row-sparse gradient. */
    public void accumulateRowGrad(int[] ids, Tensor g) { TensorGraph.leafGrad(this).addRows(ids, g); }

    /** The record of the operation that made this tensor, or null for a leaf. */
    public OpRecord gradFn() { return gradFn; }

    /** Records that {@code op} made this tensor from {@code inputs}, if any of them needs a gradient. */
    public Tensor recordedAs(String op, OpRecord.Backward backward, Tensor... inputs) {
        return TensorGraph.recorded(this, op, backward, false, inputs);
    }

    /**
     * {@link #recordedAs}, for a rule whose gradients are new contiguous tensors that nothing else references
     * ({@link OpRecord.Backward#returnsNewGradients}): the engine may add into them in place.
     */
    public Tensor recordedWithNewGradients(String op, OpRecord.Backward backward, Tensor... inputs) {
        return TensorGraph.recorded(this, op, backward, true, inputs);
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
        return TensorGraph.recordedBy(this, op, rule, newGradients, a, b, flags, number, saved);
    }

    /** Records that this tensor is a view onto {@code input}, whose gradient the scatter rule adds into. */
    public Tensor recordedAsView(String op, OpRecord.Scatter scatter, Tensor input) {
        return TensorGraph.recordedAsView(this, op, scatter, input);
    }

    /** Adds g to this leaf's gradient (the first gradient is copied, later ones summed). */
    public void accumulateGrad(Tensor g) { accumulateGrad(g, false); }

    /** Adds g to this leaf's gradient, by the rules of {@link LeafGrad#add}. */
    public void accumulateGrad(Tensor g, boolean handOver) { TensorGraph.leafGrad(this).add(g, handOver); }

    /** Differentiates this scalar: fills the {@code grad} of every leaf it depends on. */
    public void backward() { TensorGraph.backwardOfScalar(this); }

    public void backward(Tensor upstream) { backward(upstream, false); }

    /** Differentiates with a given upstream gradient; {@code retainGraph} keeps the graph for another pass. */
    public void backward(Tensor upstream, boolean retainGraph) { Autograd.backward(this, upstream, retainGraph); }

    /** The same numbers, cut off from the graph. */
    public Tensor detach() { return TensorShells.shell(storage(), offset, shape, strides); }

    // ---------------------------------------------------------------- copies and conversions

    /** This tensor if it is contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() { return isContiguous() ? this : Views.copy(this); }

    /** A contiguous copy with its own storage (differentiable). */
    public Tensor copy() { return Views.copy(this); }

    /**
     * Overwrites this tensor's values with those of {@code src}, in place and outside autograd (loading
     * weights, restoring a snapshot). This tensor must be contiguous, and src must have its shape and dtype.
     */
    public void copyFrom(Tensor src) { TensorTransfer.copyFrom(this, src); }

    /**
     * Writes this tensor's elements in row-major order into {@code dst} from {@code dstOffset} (the backend's strided
     * copy), reading its layout in place: the non-differentiable core of {@link #copy}.
     */
    public void writeInto(Storage dst, int dstOffset) { TensorTransfer.writeInto(this, backend(), dst, dstOffset); }

    /** The same values in another dtype (differentiable; the gradient converts back). */
    public Tensor to(DType dtype) { return dtype == dtype() ? this : Elementwise.convert(this, dtype); }

    /**
     * A copy on another device (an explicit copy, cut off from the graph), or this tensor if it is
     * there already. A view is first made contiguous where it lives; the copy then goes through the
     * host (the source's backend downloads, the target's uploads).
     */
    public Tensor to(Device target) { return TensorTransfer.to(this, target); }

    /**
     * Moves a leaf's numbers to another device in place, so that everything holding this tensor (a
     * layer's field, an optimizer's slot) sees it there: how {@code Module.to(device)} moves a model.
     * Its gradient is dropped. Only a whole, contiguous leaf can move; other tensors use {@link #to(Device)}.
     */
    public void moveTo(Device target) { TensorTransfer.moveTo(this, target); }

    // ---------------------------------------------------------------- views

    /** The same elements in another shape; one dimension may be −1 (inferred). Copies only if not contiguous. */
    public Tensor reshape(int... newShape) { return Views.reshape(this, newShape); }

    /** The same elements in {@code like}'s shape (without copying that shape): {@link #reshape}. */
    public Tensor reshapeAs(Tensor like) { return Views.reshape(this, like.shape); }

    public Tensor permute(int... axes) { return Views.permute(this, axes); }
    public Tensor transpose(int axis0, int axis1) { return Views.transpose(this, axis0, axis1); }

    /** The transpose of a matrix. */
    public Tensor t() {
        if (rank() != 2) {
            throw new IllegalArgumentException("t(): needs a matrix, got shape " + Shapes.format(shape));
        }
        return transpose(0, 1);
    }

    /** Elements [start, start+length) along an axis. */
    public Tensor narrow(int axis, int start, int length) { return Views.narrow(this, axis, start, length); }

    /**
     * A view of this tensor's storage with its strides, another shape and another offset (a narrow: the shape may
     * only shrink within the same elements); low level, for ops, made as {@link #view}. Not recorded.
     */
    public Tensor withShape(int[] shape, int offset) {
        Shapes.checkRanks(shape, strides);
        return TensorShells.shell(storage(), offset, ShapeTable.intern(shape), strides);
    }

    /** {@link #expand} to {@code like}'s shape (without copying that shape). */
    public Tensor expandAs(Tensor like) { return Views.expand(this, like.shape); }

    /** Broadcasts axes of size 1 to larger sizes (and adds leading axes) without copying. */
    public Tensor expand(int... newShape) { return Views.expand(this, newShape); }

    public Tensor unsqueeze(int axis) { return Views.unsqueeze(this, axis); }
    public Tensor squeeze(int axis) { return Views.squeeze(this, axis); }

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
    public String toString() { return TensorFormat.format(this); }
}

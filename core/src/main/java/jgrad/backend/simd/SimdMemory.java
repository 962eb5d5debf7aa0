package jgrad.backend.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Moves of float data: row gather and scatter-add (the embedding lookup and its backward), strided
 * copy and fill. Pure copies go through System.arraycopy and Arrays.fill, which the JIT already
 * turns into wide vector moves; only scatter-add does arithmetic and needs explicit vectors.
 */
final class SimdMemory {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private SimdMemory() {
    }

    /**
     * out[r] = table[ids[r]] for rows of rowLen. Four rows at a time, a vector of each in turn: the rows of a large
     * table (a training set) come from memory, and four streams keep four times as many lines in flight as one
     * row copied after another.
     */
    static void gatherRows(int[] ids, int rowLen, float[] table, int tableOff, float[] out, int outOff) {
        int whole = S.loopBound(rowLen);
        int r = 0;
        for (; r + 4 <= ids.length; r += 4) {
            int t0 = tableOff + ids[r] * rowLen, t1 = tableOff + ids[r + 1] * rowLen;
            int t2 = tableOff + ids[r + 2] * rowLen, t3 = tableOff + ids[r + 3] * rowLen;
            int o = outOff + r * rowLen;
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, table, t0 + j).intoArray(out, o + j);
                FloatVector.fromArray(S, table, t1 + j).intoArray(out, o + rowLen + j);
                FloatVector.fromArray(S, table, t2 + j).intoArray(out, o + 2 * rowLen + j);
                FloatVector.fromArray(S, table, t3 + j).intoArray(out, o + 3 * rowLen + j);
            }
            for (int j = whole; j < rowLen; j++) {
                out[o + j] = table[t0 + j];
                out[o + rowLen + j] = table[t1 + j];
                out[o + 2 * rowLen + j] = table[t2 + j];
                out[o + 3 * rowLen + j] = table[t3 + j];
            }
        }
        for (; r < ids.length; r++) {
            System.arraycopy(table, tableOff + ids[r] * rowLen, out, outOff + r * rowLen, rowLen);
        }
    }

    /**
     * table[ids[r]] += src[r]; rows are processed in order, so repeated ids accumulate. Whole vectors, then one
     * masked vector for a row's tail (masked stores cost more where there is no AVX-512).
     */
    static void scatterAddRows(int[] ids, int count, int rowLen, float[] src, int srcOff, float[] table,
                               int tableOff) {
        int whole = S.loopBound(rowLen);
        VectorMask<Float> tail = S.indexInRange(whole, rowLen);
        for (int r = 0; r < count; r++) {
            int t = tableOff + ids[r] * rowLen;
            int s = srcOff + r * rowLen;
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, table, t + j).add(FloatVector.fromArray(S, src, s + j)).intoArray(table, t + j);
            }
            if (whole < rowLen) {
                FloatVector.fromArray(S, table, t + whole, tail)
                        .add(FloatVector.fromArray(S, src, s + whole, tail))
                        .intoArray(table, t + whole, tail);
            }
        }
    }

    /**
     * dst (contiguous) = the strided view of src over shape, in row-major order. When the innermost
     * stride is 1 each innermost row is one arraycopy; otherwise the row is read with its stride.
     */
    static void copy(int[] shape, float[] src, int srcOff, int[] strides, float[] dst, int dstOff) {
        int rank = shape.length;
        long total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (total == 0) {
            return;
        }
        if (rank == 0) {
            dst[dstOff] = src[srcOff];
            return;
        }
        int rowLen = shape[rank - 1];
        int step = strides[rank - 1];
        if (rank == 1) {                                 // one row: no odometer to allocate
            copyRow(src, srcOff, step, dst, dstOff, rowLen);
            return;
        }
        if (rank == 2) {
            copyMatrix(shape[0], rowLen, src, srcOff, strides[0], step, dst, dstOff);
            return;
        }
        int rows = (int) (total / rowLen);
        int[] index = new int[rank - 1];
        int s = srcOff;
        for (int r = 0; r < rows; r++) {
            copyRow(src, s, step, dst, dstOff + r * rowLen, rowLen);
            for (int d = rank - 2; d >= 0; d--) {       // odometer over the outer axes
                index[d]++;
                s += strides[d];
                if (index[d] < shape[d]) {
                    break;
                }
                s -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    /**
     * A rows × cols view (strides rowStride, colStride) into dst, split by rows across threads when large (a
     * recurrent layer's bias broadcast to every row of its pre-activations, 2,880 × 1,024 floats, and its weight
     * gradients transposed back). A view that is a transpose (rowStride 1) goes in blocks ({@link #transpose}).
     */
    private static void copyMatrix(int rows, int cols, float[] src, int srcOff, int rowStride, int colStride,
                                   float[] dst, int dstOff) {
        int rowGrain = Math.max(1, SimdChunks.PARALLEL_ELEMENTS / cols);
        if (SimdChunks.oneChunk(rows, rowGrain)) {
            copyRows(0, rows, cols, src, srcOff, rowStride, colStride, dst, dstOff);
        } else {
            SimdChunks.inChunks(rows, rowGrain, (from, count) -> copyRows(from, from + count, cols, src, srcOff,
                    rowStride, colStride, dst, dstOff));
        }
    }

    private static void copyRows(int from, int to, int cols, float[] src, int srcOff, int rowStride, int colStride,
                                 float[] dst, int dstOff) {
        if (rowStride == 1 && colStride != 1) {
            transpose(src, srcOff + from, colStride, cols, to - from, dst, dstOff + from * cols, cols);
            return;
        }
        for (int r = from; r < to; r++) {
            copyRow(src, srcOff + r * rowStride, colStride, dst, dstOff + r * cols, cols);
        }
    }

    private static void copyRow(float[] src, int s, int step, float[] dst, int d, int n) {
        if (step == 1) {
            System.arraycopy(src, s, dst, d, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[d + i] = src[s + i * step];
            }
        }
    }

    static void fill(int n, float[] dst, int dstOff, float value) {
        Arrays.fill(dst, dstOff, dstOff + n, value);
    }

    /**
     * dst[j·dstLd + i] = src[i·srcLd + j] for the rows×cols matrix at src (offsets added), in blocks of 16 × 16:
     * a whole column of dst at once writes lines a row apart, which share L1 sets when rows are a power of two
     * long (a tenth of a 64×1024×256 product, {@link SimdGemmSwap}), while a block keeps both sides in a few lines.
     */
    static void transpose(float[] src, int srcOff, int srcLd, int rows, int cols, float[] dst, int dstOff, int dstLd) {
        for (int i0 = 0; i0 < rows; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(rows, i0 + TRANSPOSE_BLOCK);
            for (int j0 = 0; j0 < cols; j0 += TRANSPOSE_BLOCK) {
                int j1 = Math.min(cols, j0 + TRANSPOSE_BLOCK);
                for (int i = i0; i < i1; i++) {
                    int from = srcOff + i * srcLd;
                    for (int j = j0; j < j1; j++) {
                        dst[dstOff + j * dstLd + i] = src[from + j];
                    }
                }
            }
        }
    }

    private static final int TRANSPOSE_BLOCK = 16;
}

package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.ConvGeometry;

/**
 * im2col and col2im on float arrays. Each output row of a window tap is a run of input columns at
 * stride sw: with sw = 1 (every layer of the examples) the part of the run inside the image is one
 * contiguous block, copied by {@link System#arraycopy} (im2col) or added with vectors (col2im), and
 * only the padded ends are written one by one. Channels are split across threads; they touch
 * disjoint rows of the column matrix and disjoint planes of dx, so no two threads write one element.
 */
final class SimdConv {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Elements of the column matrix per task before splitting across threads pays. */
    private static final int GRAIN = 1 << 15;

    private SimdConv() {
    }

    static void im2col(ConvGeometry g, float pad, float[] x, int xOff, float[] cols, int colsOff) {
        int perChannel = g.kh() * g.kw() * g.positions();
        forChannels(g, perChannel, c -> {
            int blockEnd = colsOff + (c + 1) * perChannel;
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    int row = colsOff + ((c * g.kh() + u) * g.kw() + v) * g.positions();
                    im2colRow(g, c, u, v, pad, x, xOff, cols, row, blockEnd);
                }
            }
        });
    }

    /** One tap's row of the column matrix; this thread writes cols up to blockEnd (its channel's rows). */
    private static void im2colRow(ConvGeometry g, int c, int u, int v, float pad, float[] x, int xOff, float[] cols,
                                  int row, int blockEnd) {
        int outH = g.outH();
        int outW = g.outW();
        int first = g.firstInsideColumn(v);
        int end = g.endInsideColumn(v);
        for (int n = 0; n < g.batch(); n++) {
            for (int i = 0; i < outH; i++) {
                int out = row + (n * outH + i) * outW;
                int y = i * g.sh() + u * g.dh() - g.ph();
                if (y < 0 || y >= g.height() || first >= end) {
                    java.util.Arrays.fill(cols, out, out + outW, pad);
                    continue;
                }
                int src = xOff + ((n * g.channels() + c) * g.height() + y) * g.width() + v * g.dw() - g.pw();
                if (first > 0) {
                    java.util.Arrays.fill(cols, out, out + first, pad);
                }
                if (g.sw() == 1) {
                    copyRun(x, src + first, cols, out + first, end - first, blockEnd);
                } else {
                    for (int j = first; j < end; j++) {
                        cols[out + j] = x[src + j * g.sw()];
                    }
                }
                if (end < outW) {
                    java.util.Arrays.fill(cols, out + end, out + outW, pad);
                }
            }
        }
    }

    static void col2im(ConvGeometry g, float[] cols, int colsOff, float[] dx, int dxOff) {
        int perChannel = g.kh() * g.kw() * g.positions();
        int plane = g.height() * g.width();
        forChannels(g, perChannel, c -> {
            for (int n = 0; n < g.batch(); n++) {
                int at = dxOff + (n * g.channels() + c) * plane;
                java.util.Arrays.fill(dx, at, at + plane, 0f);
            }
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    int row = colsOff + ((c * g.kh() + u) * g.kw() + v) * g.positions();
                    col2imRow(g, c, u, v, cols, row, dx, dxOff);
                }
            }
        });
    }

    private static void col2imRow(ConvGeometry g, int c, int u, int v, float[] cols, int row, float[] dx, int dxOff) {
        int outH = g.outH();
        int outW = g.outW();
        int first = g.firstInsideColumn(v);
        int end = g.endInsideColumn(v);
        for (int n = 0; n < g.batch(); n++) {
            for (int i = 0; i < outH; i++) {
                int y = i * g.sh() + u * g.dh() - g.ph();
                if (y < 0 || y >= g.height() || first >= end) {
                    continue;
                }
                int from = row + (n * outH + i) * outW;
                int to = dxOff + ((n * g.channels() + c) * g.height() + y) * g.width() + v * g.dw() - g.pw();
                if (g.sw() == 1) {
                    int planeEnd = dxOff + (n * g.channels() + c + 1) * g.height() * g.width();
                    addRunWithin(cols, from + first, dx, to + first, end - first, planeEnd);
                } else {
                    for (int j = first; j < end; j++) {
                        dx[to + j * g.sw()] += cols[from + j];
                    }
                }
            }
        }
    }

    /**
     * dst[to..to+len) += src[from..from+len), the tail in one masked vector: the runs are a row of the output
     * grid (11 and 26 columns in fashion-cnn), shorter than one or two vectors, and a tail element by element
     * took most of col2im's time.
     */
    static void addRun(float[] src, int from, float[] dst, int to, int len) {
        int j = 0;
        for (int upper = S.loopBound(len); j < upper; j += S.length()) {
            FloatVector.fromArray(S, dst, to + j).add(FloatVector.fromArray(S, src, from + j)).intoArray(dst, to + j);
        }
        if (j < len) {
            VectorMask<Float> tail = S.indexInRange(j, len);
            FloatVector.fromArray(S, dst, to + j, tail).add(FloatVector.fromArray(S, src, from + j, tail))
                    .intoArray(dst, to + j, tail);
        }
    }

    /**
     * {@link #addRun} where the tail is a whole vector, src's lanes past the run replaced by 0 (which leaves dst's
     * numbers there as they were: dx holds no −0), unless it would reach dstLimit, where another thread's plane
     * starts: with the copy's whole-vector tail below, the convolution step took 8 % less time at 256 bits.
     */
    private static void addRunWithin(float[] src, int from, float[] dst, int to, int len, int dstLimit) {
        int j = S.loopBound(len);
        if (j == len || to + j + S.length() > dstLimit || from + j + S.length() > src.length) {
            addRun(src, from, dst, to, len);
            return;
        }
        addRun(src, from, dst, to, j);
        FloatVector tail = FloatVector.zero(S).blend(FloatVector.fromArray(S, src, from + j), S.indexInRange(j, len));
        FloatVector.fromArray(S, dst, to + j).add(tail).intoArray(dst, to + j);
    }

    /**
     * dst[to..to+len) = src[from..from+len), vectors (a call of arraycopy per short run cost more). The tail is a
     * whole vector where it stays below dstLimit: what it writes past the run is written again later by this
     * thread (the rest of the row, or the next row of the column matrix); else a masked one.
     */
    private static void copyRun(float[] src, int from, float[] dst, int to, int len, int dstLimit) {
        int j = 0;
        for (int upper = S.loopBound(len); j < upper; j += S.length()) {
            FloatVector.fromArray(S, src, from + j).intoArray(dst, to + j);
        }
        if (j < len && to + j + S.length() <= dstLimit && from + j + S.length() <= src.length) {
            FloatVector.fromArray(S, src, from + j).intoArray(dst, to + j);
        } else if (j < len) {
            VectorMask<Float> tail = S.indexInRange(j, len);
            FloatVector.fromArray(S, src, from + j, tail).intoArray(dst, to + j, tail);
        }
    }

    private static void forChannels(ConvGeometry g, int perChannel, java.util.function.IntConsumer body) {
        int channels = g.channels();
        int tasks = Math.min(channels, SimdParallel.tasksFor((long) perChannel * channels, GRAIN));
        SimdParallel.run(tasks, t -> {
            for (int c = t; c < channels; c += tasks) {
                body.accept(c);
            }
        });
    }
}

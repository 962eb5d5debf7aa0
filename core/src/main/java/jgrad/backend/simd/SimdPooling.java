package jgrad.backend.simd;

import java.util.Arrays;
import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.ConvGeometry;

/**
 * Max pooling on float arrays in one pass over x, without the column matrix. Without padding or dilation
 * (every pooling of the examples) the lanes run over a plane's outputs and each tap is one gather; otherwise
 * each output row starts at −∞ and takes the maximum with one run of input columns per tap, where only the
 * run's part inside x is read (so a padded position never wins). The backward recounts each window's ties
 * against the output ({@link SimdPoolingDisjoint} where the windows do not overlap). Planes (n, c) are split
 * across threads; they read and write disjoint parts of x, y and dx.
 */
final class SimdPooling {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Input elements per task before splitting across threads pays. */
    static final int GRAIN = 1 << 15;

    private SimdPooling() {
    }

    static void maxPool(ConvGeometry g, float[] x, int xOff, float[] y, int yOff) {
        if (unpadded(g)) {
            int[] starts = windowStarts(g);
            forPlanes(g, plane -> maxPoolPlane(g, starts, x, xOff + plane * g.height() * g.width(), y,
                    yOff + plane * g.outH() * g.outW()));
            return;
        }
        int outW = g.outW();
        forPlanes(g, plane -> {
            for (int i = 0; i < g.outH(); i++) {
                int out = yOff + (plane * g.outH() + i) * outW;
                Arrays.fill(y, out, out + outW, Float.NEGATIVE_INFINITY);
                for (int u = 0; u < g.kh(); u++) {
                    int row = i * g.sh() + u * g.dh() - g.ph();
                    if (row < 0 || row >= g.height()) {
                        continue;
                    }
                    for (int v = 0; v < g.kw(); v++) {
                        int src = xOff + (plane * g.height() + row) * g.width() + v * g.dw() - g.pw();
                        for (int j = g.firstInsideColumn(v), end = g.endInsideColumn(v); j < end; j++) {
                            y[out + j] = Math.max(y[out + j], x[src + j * g.sw()]);
                        }
                    }
                }
            }
        });
    }

    static void maxPoolBackward(ConvGeometry g, float[] x, int xOff, float[] y, int yOff, float[] dy, int dyOff,
                                float[] dx, int dxOff) {
        int plane = g.height() * g.width();
        if (SimdPoolingDisjoint.serves(g)) {
            SimdPoolingDisjoint.backward(g, windowStarts(g), x, xOff, y, yOff, dy, dyOff, dx, dxOff);
            return;
        }
        if (unpadded(g)) {
            int[] starts = windowStarts(g);
            int planes = g.batch() * g.channels();
            int tasks = Math.min(planes, SimdParallel.tasksFor((long) g.inputSize(), GRAIN));
            SimdParallel.run(tasks, t -> {
                float[] shares = new float[S.length()];
                for (int p = t; p < planes; p += tasks) {
                    maxPoolBackwardPlane(g, starts, x, xOff + p * plane, y, yOff + p * g.outH() * g.outW(), dy,
                            dyOff + p * g.outH() * g.outW(), dx, dxOff + p * plane, shares);
                }
            });
            return;
        }
        forPlanes(g, p -> {
            Arrays.fill(dx, dxOff + p * plane, dxOff + (p + 1) * plane, 0f);
            for (int i = 0; i < g.outH(); i++) {
                for (int j = 0; j < g.outW(); j++) {
                    int out = (p * g.outH() + i) * g.outW() + j;
                    float max = y[yOff + out];
                    int ties = visitTies(g, x, xOff, p, i, j, max, null, 0, 0f);
                    visitTies(g, x, xOff, p, i, j, max, dx, dxOff, dy[dyOff + out] / ties);
                }
            }
        });
    }

    /** No padding and no dilation (every pooling layer of the examples): every tap is inside, at a fixed offset. */
    private static boolean unpadded(ConvGeometry g) {
        return g.ph() == 0 && g.pw() == 0 && g.dh() == 1 && g.dw() == 1;
    }

    /**
     * Where each output (i, j) of a plane starts in the plane, i·sh·width + j·sw, padded with zeros to whole
     * vectors: the gathers run unmasked (AVX2 has no masked gather the Vector API compiles to one instruction),
     * and a padded lane reads the plane's first window, whose result the masked stores then drop.
     */
    static int[] windowStarts(ConvGeometry g) {
        int p = g.outH() * g.outW();
        int[] starts = new int[(p + S.length() - 1) / S.length() * S.length()];
        for (int q = 0; q < p; q++) {
            starts[q] = q / g.outW() * g.sh() * g.width() + q % g.outW() * g.sw();
        }
        return starts;
    }

    /** One plane of an unpadded pooling, lanes over its outputs: a gather per tap and a running lanewise max. */
    private static void maxPoolPlane(ConvGeometry g, int[] starts, float[] x, int in, float[] y, int out) {
        int p = g.outH() * g.outW();
        for (int q = 0; q < p; q += S.length()) {
            VectorMask<Float> live = S.indexInRange(q, p);
            FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    max = max.max(FloatVector.fromArray(S, x, in + u * g.width() + v, starts, q));
                }
            }
            max.intoArray(y, out + q, live);
        }
    }

    /**
     * The backward of one unpadded plane: per output the ties t = Σ_taps [x = y], then dy / t added at each tie.
     * The additions are scalar stores at the lanes whose tap won (AVX2 has no scatter, and the Vector API's
     * fallback for one allocates), in tap order, so overlapping windows add up as in the reference.
     */
    private static void maxPoolBackwardPlane(ConvGeometry g, int[] starts, float[] x, int in, float[] y, int out,
                                             float[] dy, int dyAt, float[] dx, int dxAt, float[] shares) {
        int p = g.outH() * g.outW();
        Arrays.fill(dx, dxAt, dxAt + g.height() * g.width(), 0f);
        for (int q = 0; q < p; q += S.length()) {
            VectorMask<Float> live = S.indexInRange(q, p);
            FloatVector max = FloatVector.fromArray(S, y, out + q, live);
            FloatVector ties = FloatVector.zero(S);
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    FloatVector tap = FloatVector.fromArray(S, x, in + u * g.width() + v, starts, q);
                    ties = ties.add(1f, tap.eq(max));
                }
            }
            FloatVector.fromArray(S, dy, dyAt + q, live).div(ties).intoArray(shares, 0);
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    int tapAt = dxAt + u * g.width() + v;
                    long won = FloatVector.fromArray(S, x, in + u * g.width() + v, starts, q).eq(max)
                            .and(live).toLong();
                    for (; won != 0; won &= won - 1) {
                        int lane = Long.numberOfTrailingZeros(won);
                        dx[tapAt + starts[q + lane]] += shares[lane];
                    }
                }
            }
        }
    }

    /** Counts the taps of window (i, j) of plane p inside x that equal max; adds share there in dx if given. */
    private static int visitTies(ConvGeometry g, float[] x, int xOff, int p, int i, int j, float max, float[] dx,
                                 int dxOff, float share) {
        int ties = 0;
        for (int u = 0; u < g.kh(); u++) {
            int row = i * g.sh() + u * g.dh() - g.ph();
            if (row < 0 || row >= g.height()) {
                continue;
            }
            for (int v = 0; v < g.kw(); v++) {
                int col = j * g.sw() + v * g.dw() - g.pw();
                int at = (p * g.height() + row) * g.width() + col;
                if (col >= 0 && col < g.width() && x[xOff + at] == max) {
                    ties++;
                    if (dx != null) {
                        dx[dxOff + at] += share;
                    }
                }
            }
        }
        return ties;
    }

    private static void forPlanes(ConvGeometry g, IntConsumer body) {
        int planes = g.batch() * g.channels();
        int tasks = Math.min(planes, SimdParallel.tasksFor((long) g.inputSize(), GRAIN));
        SimdParallel.run(tasks, t -> {
            for (int p = t; p < planes; p += tasks) {
                body.accept(p);
            }
        });
    }
}

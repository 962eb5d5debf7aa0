package jgrad.backend.simd;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.ConvGeometry;
import jgrad.backend.Reusable;

/**
 * The backward of a max pooling whose windows do not overlap (no padding, no dilation, kh ≤ sh, kw ≤ sw:
 * the 2×2 pooling at stride 2 of the image models). Each input then lies in one window at most, so
 * dx[r, c] = [x[r, c] = y[w]]·dy[w] / ties[w] for its window w, and 0 outside every window: one vector
 * store per run of dx, with no scattered additions. The ties are counted per output as in
 * {@link SimdPooling}'s general backward; then, row by row of dx, each window's maximum and share are
 * spread over its kw columns by a lane shuffle (lane ℓ of the run at column c0 takes output
 * (c0 + ℓ) / sw). Not a gather per run (about thirty cycles each on this machine), and not scalar loops:
 * which tap wins is random, and the branches it steers were mispredicted so often that the scalar
 * version took a third of the convolution step. The single addition the reference makes to a cleared
 * dx (0 + share) is exact, so the float bits are the reference's.
 */
final class SimdPoolingDisjoint {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Each thread's maxima and shares of a plane, kept for the next call. */
    private static final Reusable<float[][]> BUFFERS = new Reusable<>(() -> new float[2][0]);

    private final ConvGeometry g;
    /** Per run s of a row (columns s·L ...): the shuffle that spreads the windows over its lanes. */
    private final VectorShuffle<Float>[] spread;
    /** Per run, lane by lane: 1 where the column lies in a window, else 0 (compared to make a mask). */
    private final float[] covered;

    @SuppressWarnings("unchecked")
    private SimdPoolingDisjoint(ConvGeometry g) {
        this.g = g;
        int runs = (g.width() + L - 1) / L;
        spread = new VectorShuffle[runs];
        covered = new float[runs * L];
        int[] from = new int[L];
        for (int s = 0; s < runs; s++) {
            for (int l = 0; l < L; l++) {
                int c = s * L + l;
                from[l] = c / g.sw() - s * L / g.sw();
                covered[c] = c < g.width() && c % g.sw() < g.kw() && c / g.sw() < g.outW() ? 1f : 0f;
            }
            spread[s] = VectorShuffle.fromArray(S, from, 0);
        }
    }

    /** Windows that do not overlap and lie inside x: the case this class serves. */
    static boolean serves(ConvGeometry g) {
        return g.ph() == 0 && g.pw() == 0 && g.dh() == 1 && g.dw() == 1 && g.kh() <= g.sh() && g.kw() <= g.sw();
    }

    /** The backward over every plane (n, c), planes split across threads; starts as {@link SimdPooling}'s. */
    static void backward(ConvGeometry g, int[] starts, float[] x, int xOff, float[] y, int yOff, float[] dy,
                         int dyOff, float[] dx, int dxOff) {
        SimdPoolingDisjoint rows = new SimdPoolingDisjoint(g);
        int plane = g.height() * g.width();
        int p = g.outH() * g.outW();
        int planes = g.batch() * g.channels();
        int tasks = Math.min(planes, SimdParallel.tasksFor((long) g.inputSize(), SimdPooling.GRAIN));
        int buffer = starts.length + L;                       // a row's last run reads up to a vector past its windows
        SimdParallel.run(tasks, t -> {
            float[][] mine = BUFFERS.take();
            try {
                if (mine[0].length < buffer) {
                    mine[0] = new float[buffer];
                    mine[1] = new float[buffer];
                }
                for (int n = t; n < planes; n += tasks) {
                    rows.sharesOfPlane(starts, x, xOff + n * plane, y, yOff + n * p, dy, dyOff + n * p, mine[0], mine[1]);
                    rows.spreadOverPlane(x, xOff + n * plane, mine[0], mine[1], dx, dxOff + n * plane);
                }
            } finally {
                BUFFERS.give(mine);
            }
        });
    }

    /** maxes[q] = y[q], shares[q] = dy[q] / ties[q], ties[q] = Σ_taps [x = y[q]], for the plane's outputs q. */
    private void sharesOfPlane(int[] starts, float[] x, int in, float[] y, int out, float[] dy, int dyAt,
                               float[] maxes, float[] shares) {
        int p = g.outH() * g.outW();
        for (int q = 0; q < p; q += L) {
            VectorMask<Float> live = S.indexInRange(q, p);
            FloatVector max = FloatVector.fromArray(S, y, out + q, live);
            FloatVector ties = FloatVector.zero(S);
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    ties = ties.add(1f, FloatVector.fromArray(S, x, in + u * g.width() + v, starts, q).eq(max));
                }
            }
            max.intoArray(maxes, q);
            FloatVector.fromArray(S, dy, dyAt + q, live).div(ties).intoArray(shares, q);
        }
    }

    /** dx of one plane, row by row: the share of the row's window where x equals its maximum, else 0. */
    private void spreadOverPlane(float[] x, int in, float[] maxes, float[] shares, float[] dx, int dxAt) {
        int width = g.width();
        int full = S.loopBound(width);
        for (int r = 0; r < g.height(); r++) {
            int i = r / g.sh();
            int at = dxAt + r * width;
            if (i >= g.outH() || r % g.sh() >= g.kh()) {
                Arrays.fill(dx, at, at + width, 0f);
                continue;
            }
            int w = i * g.outW();
            int s = 0;
            for (int c0 = 0; c0 < full; c0 += L, s++) {
                spreadRun(x, in + r * width + c0, maxes, shares, w + c0 / g.sw(), s, dx, at + c0, L);
            }
            if (full < width) {
                spreadRun(x, in + r * width + full, maxes, shares, w + full / g.sw(), s, dx, at + full, width - full);
            }
        }
    }

    /**
     * One run of dx, its first {@code lanes} lanes into dx at {@code to}: the share where x equals the window's
     * maximum and the lane lies in a window, else 0. It loads and stores itself: a helper taking or returning a
     * vector may be left out of line by C2, which then boxes every vector that crosses it.
     */
    private void spreadRun(float[] x, int xAt, float[] maxes, float[] shares, int w, int s, float[] dx, int to,
                           int lanes) {
        VectorShuffle<Float> spreading = spread[s];
        FloatVector max = FloatVector.fromArray(S, maxes, w).rearrange(spreading);
        FloatVector share = FloatVector.fromArray(S, shares, w).rearrange(spreading);
        VectorMask<Float> inWindow = FloatVector.fromArray(S, covered, s * L).compare(VectorOperators.GT, 0f);
        // unmasked where a whole vector lies inside x (a row's last run reads into the next row)
        FloatVector xs = xAt + L <= x.length ? FloatVector.fromArray(S, x, xAt)
                : FloatVector.fromArray(S, x, xAt, S.indexInRange(xAt, x.length));
        FloatVector run = FloatVector.zero(S).blend(share, xs.eq(max).and(inWindow));
        if (lanes == L) {
            run.intoArray(dx, to);
        } else {
            run.intoArray(dx, to, S.indexInRange(0, lanes));
        }
    }
}

package jgrad.backend;

/**
 * The reference loops of {@link Backend#im2col}, {@link Backend#col2im} and the convolution with its bias and
 * ReLU ({@link Backend#convForward}, {@link Backend#convBackward}), written beside the formula, sums in double.
 */
final class ScalarConv {

    private ScalarConv() {
    }

    /** cols[(c·kh + u)·kw + v][(n·outH + i)·outW + j] = xp[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw]. */
    static void im2col(ConvGeometry g, double padValue, Storage x, int xOff, Storage cols, int colsOff) {
        int outH = g.outH();
        int outW = g.outW();
        int positions = g.positions();
        for (int c = 0; c < g.channels(); c++) {
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    int row = (c * g.kh() + u) * g.kw() + v;
                    for (int n = 0; n < g.batch(); n++) {
                        for (int i = 0; i < outH; i++) {
                            int y = i * g.sh() + u * g.dh() - g.ph();
                            for (int j = 0; j < outW; j++) {
                                int xCol = j * g.sw() + v * g.dw() - g.pw();
                                boolean inside = y >= 0 && y < g.height() && xCol >= 0 && xCol < g.width();
                                double value = inside
                                        ? x.get(xOff + ((n * g.channels() + c) * g.height() + y) * g.width() + xCol)
                                        : padValue;
                                cols.set(colsOff + row * positions + (n * outH + i) * outW + j, value);
                            }
                        }
                    }
                }
            }
        }
    }

    /** dx = 0, then dx[n, c, y, x] += cols[row][column] for every entry whose tap lands inside x. */
    static void col2im(ConvGeometry g, Storage cols, int colsOff, Storage dx, int dxOff) {
        for (int k = 0; k < g.inputSize(); k++) {
            dx.set(dxOff + k, 0);
        }
        int outH = g.outH();
        int outW = g.outW();
        int positions = g.positions();
        for (int c = 0; c < g.channels(); c++) {
            for (int u = 0; u < g.kh(); u++) {
                for (int v = 0; v < g.kw(); v++) {
                    int row = (c * g.kh() + u) * g.kw() + v;
                    for (int n = 0; n < g.batch(); n++) {
                        for (int i = 0; i < outH; i++) {
                            int y = i * g.sh() + u * g.dh() - g.ph();
                            for (int j = 0; j < outW; j++) {
                                int xCol = j * g.sw() + v * g.dw() - g.pw();
                                if (y >= 0 && y < g.height() && xCol >= 0 && xCol < g.width()) {
                                    int at = dxOff + ((n * g.channels() + c) * g.height() + y) * g.width() + xCol;
                                    dx.set(at, dx.get(at) + cols.get(colsOff + row * positions + (n * outH + i) * outW + j));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** z[n, o, i, j] = act(b[o] + Σ_{c,u,v} W[o, c, u, v]·x[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw]), taps inside x. */
    static void convForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                            Storage b, int bOff, Storage z, int zOff) {
        int outH = g.outH();
        int outW = g.outW();
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < filters; o++) {
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double s = b.get(bOff + o);
                        for (int c = 0; c < g.channels(); c++) {
                            for (int u = 0; u < g.kh(); u++) {
                                for (int v = 0; v < g.kw(); v++) {
                                    int at = inputAt(g, n, c, i, j, u, v);
                                    if (at >= 0) {
                                        s += w.get(wOff + ((o * g.channels() + c) * g.kh() + u) * g.kw() + v)
                                                * x.get(xOff + at);
                                    }
                                }
                            }
                        }
                        z.set(zOff + ((n * filters + o) * outH + i) * outW + j, relu && !(s > 0) ? 0 : s);
                    }
                }
            }
        }
    }

    /**
     * d = dz·[z > 0] (relu) or dz; db[o] = Σ d[n, o, ·]; dW[o, c, u, v] = Σ d[n, o, i, j]·x[n, c, tap]; dx[n, c, tap]
     * = Σ d[n, o, i, j]·W[o, c, u, v]. Each output that is null is skipped.
     */
    static void convBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                             Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW, Storage db) {
        int outH = g.outH();
        int outW = g.outW();
        int taps = g.kh() * g.kw();
        double[] dWSum = new double[filters * g.channels() * taps];
        double[] dbSum = new double[filters];
        double[] dxSum = new double[g.inputSize()];
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < filters; o++) {
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        int out = ((n * filters + o) * outH + i) * outW + j;
                        double d = relu && !(z.get(zOff + out) > 0) ? 0 : dz.get(dzOff + out);
                        dbSum[o] += d;
                        for (int c = 0; c < g.channels(); c++) {
                            for (int t = 0; t < taps; t++) {
                                int at = inputAt(g, n, c, i, j, t / g.kw(), t % g.kw());
                                if (at >= 0) {
                                    int wAt = (o * g.channels() + c) * taps + t;
                                    dWSum[wAt] += d * x.get(xOff + at);
                                    dxSum[at] += d * w.get(wOff + wAt);
                                }
                            }
                        }
                    }
                }
            }
        }
        write(dWSum, dW, 0);
        write(dbSum, db, 0);
        write(dxSum, dx, dxOff);
    }

    /** The index in x [B, C, H, W] that tap (u, v) of output (i, j) of image n reads in channel c, or −1 in the padding. */
    private static int inputAt(ConvGeometry g, int n, int c, int i, int j, int u, int v) {
        int y = i * g.sh() + u * g.dh() - g.ph();
        int xCol = j * g.sw() + v * g.dw() - g.pw();
        if (y < 0 || y >= g.height() || xCol < 0 || xCol >= g.width()) {
            return -1;
        }
        return ((n * g.channels() + c) * g.height() + y) * g.width() + xCol;
    }

    private static void write(double[] sums, Storage to, int off) {
        if (to != null) {
            for (int k = 0; k < sums.length; k++) {
                to.set(off + k, sums[k]);
            }
        }
    }
}

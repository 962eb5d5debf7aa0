package jgrad.backend;

/** The reference loops of {@link Backend#maxPool} and {@link Backend#maxPoolBackward}, written beside the formula. */
final class ScalarPooling {

    private ScalarPooling() {
    }

    /** y[n, c, i, j] = max over the taps (u, v) inside x of x[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw]. */
    static void maxPool(ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            for (int i = 0; i < g.outH(); i++) {
                for (int j = 0; j < g.outW(); j++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int u = 0; u < g.kh(); u++) {
                        for (int v = 0; v < g.kw(); v++) {
                            int at = tap(g, plane, i, j, u, v);
                            max = at < 0 ? max : Math.max(max, x.get(xOff + at));
                        }
                    }
                    y.set(yOff + output(g, plane, i, j), max);
                }
            }
        }
    }

    /** dx = 0, then each output's dy / t added at the t taps inside x whose value equals the output. */
    static void maxPoolBackward(ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy, int dyOff,
                                Storage dx, int dxOff) {
        for (int k = 0; k < g.inputSize(); k++) {
            dx.set(dxOff + k, 0);
        }
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            for (int i = 0; i < g.outH(); i++) {
                for (int j = 0; j < g.outW(); j++) {
                    double max = y.get(yOff + output(g, plane, i, j));
                    int ties = 0;
                    for (int u = 0; u < g.kh(); u++) {
                        for (int v = 0; v < g.kw(); v++) {
                            int at = tap(g, plane, i, j, u, v);
                            ties += at >= 0 && x.get(xOff + at) == max ? 1 : 0;
                        }
                    }
                    double share = dy.get(dyOff + output(g, plane, i, j)) / ties;
                    for (int u = 0; u < g.kh(); u++) {
                        for (int v = 0; v < g.kw(); v++) {
                            int at = tap(g, plane, i, j, u, v);
                            if (at >= 0 && x.get(xOff + at) == max) {
                                dx.set(dxOff + at, dx.get(dxOff + at) + share);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The flat index in x of tap (u, v) of output (i, j) of a plane (n·C + c), or −1 when it falls in the padding. */
    private static int tap(ConvGeometry g, int plane, int i, int j, int u, int v) {
        int row = i * g.sh() + u * g.dh() - g.ph();
        int col = j * g.sw() + v * g.dw() - g.pw();
        boolean inside = row >= 0 && row < g.height() && col >= 0 && col < g.width();
        return inside ? (plane * g.height() + row) * g.width() + col : -1;
    }

    private static int output(ConvGeometry g, int plane, int i, int j) {
        return (plane * g.outH() + i) * g.outW() + j;
    }
}

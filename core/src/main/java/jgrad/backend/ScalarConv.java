package jgrad.backend;

/** The reference loops of {@link Backend#im2col} and {@link Backend#col2im}, written beside the formula. */
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
}

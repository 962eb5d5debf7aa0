package jgrad.backend;

/**
 * Layer normalization ({@link Backend#layerNormForward}, {@link Backend#layerNormBackward}) composed from a
 * backend's own primitives: what a backend runs unless it fuses them (the CUDA backend does), and a second
 * reference beside {@link ScalarBackend}'s loops. Row statistics are reductions over [rows, d]; a row's
 * centring and scaling are {@link Backend#binary} calls that broadcast its μ or r (step 0), and γ, β are
 * applied row by row; the column sums of dγ and dβ are reductions over [1, rows, d].
 */
final class LayerNormSteps {

    private LayerNormSteps() {
    }

    static void forward(Backend be, int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                        Storage y, Storage mean, Storage rstd) {
        DType dt = x.dtype();
        int n = rows * d;
        Storage centered = be.allocate(dt, n);
        be.reduce(ReduceOp.SUM, rows, d, 1, x, xOff, mean, 0);
        be.unary(UnaryOp.SCALE, rows, mean, 0, mean, 0, 1.0 / d);
        for (int r = 0; r < rows; r++) {
            be.binary(BinaryOp.SUB, d, x, xOff + r * d, 1, mean, r, 0, centered, r * d);
        }
        be.binary(BinaryOp.MUL, n, centered, 0, 1, centered, 0, 1, y, 0);
        be.reduce(ReduceOp.SUM, rows, d, 1, y, 0, rstd, 0);
        be.unary(UnaryOp.SCALE, rows, rstd, 0, rstd, 0, 1.0 / d);
        be.unary(UnaryOp.SHIFT, rows, rstd, 0, rstd, 0, eps);
        be.unary(UnaryOp.POW, rows, rstd, 0, rstd, 0, -0.5);
        for (int r = 0; r < rows; r++) {
            be.binary(BinaryOp.MUL, d, centered, r * d, 1, rstd, r, 0, y, r * d);
            be.binary(BinaryOp.MUL, d, y, r * d, 1, gamma, 0, 1, y, r * d);
            be.binary(BinaryOp.ADD, d, y, r * d, 1, beta, 0, 1, y, r * d);
        }
    }

    static void backward(Backend be, int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                         Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        DType dt = x.dtype();
        int n = rows * d;
        Storage xHat = be.allocate(dt, n);
        Storage g = be.allocate(dt, n);
        Storage product = be.allocate(dt, n);
        Storage meanG = be.allocate(dt, rows);
        Storage meanGx = be.allocate(dt, rows);
        for (int r = 0; r < rows; r++) {
            be.binary(BinaryOp.SUB, d, x, xOff + r * d, 1, mean, r, 0, xHat, r * d);
            be.binary(BinaryOp.MUL, d, xHat, r * d, 1, rstd, r, 0, xHat, r * d);
            be.binary(BinaryOp.MUL, d, dy, r * d, 1, gamma, 0, 1, g, r * d);
        }
        be.reduce(ReduceOp.SUM, 1, rows, d, dy, 0, dBeta, 0);
        be.binary(BinaryOp.MUL, n, dy, 0, 1, xHat, 0, 1, product, 0);
        be.reduce(ReduceOp.SUM, 1, rows, d, product, 0, dGamma, 0);
        be.reduce(ReduceOp.SUM, rows, d, 1, g, 0, meanG, 0);
        be.unary(UnaryOp.SCALE, rows, meanG, 0, meanG, 0, 1.0 / d);
        be.binary(BinaryOp.MUL, n, g, 0, 1, xHat, 0, 1, product, 0);
        be.reduce(ReduceOp.SUM, rows, d, 1, product, 0, meanGx, 0);
        be.unary(UnaryOp.SCALE, rows, meanGx, 0, meanGx, 0, 1.0 / d);
        for (int r = 0; r < rows; r++) {
            be.binary(BinaryOp.MUL, d, xHat, r * d, 1, meanGx, r, 0, product, r * d);
            be.binary(BinaryOp.SUB, d, g, r * d, 1, meanG, r, 0, dx, r * d);
            be.binary(BinaryOp.SUB, d, dx, r * d, 1, product, r * d, 1, dx, r * d);
            be.binary(BinaryOp.MUL, d, dx, r * d, 1, rstd, r, 0, dx, r * d);
        }
    }
}

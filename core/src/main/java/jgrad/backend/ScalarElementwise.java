package jgrad.backend;

/**
 * The reference loops of the elementwise kernels ({@link ElementwiseKernels}): each element computed in
 * double from its stored values, by the formulas of {@link BinaryOp} and {@link UnaryOp}.
 */
final class ScalarElementwise {

    private ScalarElementwise() {
    }

    /** The reference of {@link Backend#binary}. */
    static void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                       Storage out, int outOff) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, apply(op, a.get(aOff + i * aStep), b.get(bOff + i * bStep)));
        }
    }

    /** x ∘ y for one pair of values. */
    static double apply(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
            case EQ -> x == y ? 1 : 0;
            case GT -> x > y ? 1 : 0;
            case GE -> x >= y ? 1 : 0;
        };
    }

    /** The reference of {@link Backend#unary}. */
    static void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, apply(op, x.get(xOff + i), alpha));
        }
    }

    /** f(x) for one value. */
    static double apply(UnaryOp op, double x, double alpha) {
        return switch (op) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> x > 0 ? x : 0;
            case LEAKY_RELU -> x > 0 ? x : alpha * x;
            case POW -> Math.pow(x, alpha);
            case SCALE -> alpha * x;
            case SHIFT -> x + alpha;
        };
    }

    /** σ(x) = 1/(1+e⁻ˣ), written so that e^|x| never overflows. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** The reference of {@link Backend#unaryBackward}. */
    static void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        for (int i = 0; i < n; i++) {
            double d = derivative(op, x.get(xOff + i), y.get(yOff + i), alpha);
            dx.set(dxOff + i, g.get(gOff + i) * d);
        }
    }

    /** f'(x), given x and y = f(x). */
    static double derivative(UnaryOp op, double x, double y, double alpha) {
        return switch (op) {
            case NEG -> -1;
            case EXP -> y;
            case LOG -> 1 / x;
            case SQRT -> 0.5 / y;
            case ABS -> Math.signum(x);
            case TANH -> 1 - y * y;
            case SIGMOID -> y * (1 - y);
            case RELU -> x > 0 ? 1 : 0;
            case LEAKY_RELU -> x > 0 ? 1 : alpha;
            case POW -> alpha * Math.pow(x, alpha - 1);
            case SCALE -> alpha;
            case SHIFT -> 1;
        };
    }

    /** The reference of {@link Backend#where}. */
    static void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, cond.get(cOff + i) != 0 ? a.get(aOff + i) : b.get(bOff + i));
        }
    }
}

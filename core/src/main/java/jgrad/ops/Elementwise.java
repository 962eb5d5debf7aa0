package jgrad.ops;

import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Elementwise arithmetic and activations, each forward followed by its backward.
 * Binary ops broadcast (NumPy rules); their backward sums the gradient back over the broadcast
 * axes ({@link Reductions#sumTo}).
 */
public final class Elementwise {

    private Elementwise() {
    }

    // ---------------------------------------------------------------- binary

    /** z = a + b; ∂z/∂a = 1, ∂z/∂b = 1. */
    public static Tensor add(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("add", BinaryOp.ADD, a, b);
        return out.recordedBy("add", (r, g) -> r.gradients(
                Reductions.sumToShapeOf(g, r.input(0)), Reductions.sumToShapeOf(g, r.input(1))), a, b);
    }

    /** z = a − b; ∂z/∂a = 1, ∂z/∂b = −1. */
    public static Tensor sub(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("sub", BinaryOp.SUB, a, b);
        return out.recordedBy("sub", (r, g) -> r.gradients(
                Reductions.sumToShapeOf(g, r.input(0)), Reductions.sumToShapeOf(g.neg(), r.input(1))), a, b);
    }

    /** z = a·b; ∂z/∂a = b, ∂z/∂b = a. */
    public static Tensor mul(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("mul", BinaryOp.MUL, a, b);
        return out.recordedBy("mul", (r, g) -> r.gradients(
                r.input(0).requiresGrad() ? Reductions.sumToShapeOf(g.mul(r.input(1)), r.input(0)) : null,
                r.input(1).requiresGrad() ? Reductions.sumToShapeOf(g.mul(r.input(0)), r.input(1)) : null), a, b);
    }

    /** z = a/b; ∂z/∂a = 1/b, ∂z/∂b = −a/b² = −z/b. */
    public static Tensor div(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("div", BinaryOp.DIV, a, b);
        return out.recordedAs("div", g -> new Tensor[] {
                a.requiresGrad() ? Reductions.sumToShapeOf(g.div(b), a) : null,
                b.requiresGrad() ? Reductions.sumTo(g.mul(out.detach()).div(b).neg(), b.shape()) : null}, a, b);
    }

    /** z = a^b; ∂z/∂a = b·a^(b−1), ∂z/∂b = z·ln a. */
    public static Tensor pow(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("pow", BinaryOp.POW, a, b);
        return out.recordedAs("pow", g -> new Tensor[] {
                a.requiresGrad() ? Reductions.sumTo(g.mul(b).mul(a.pow(b.sub(1))), a.shape()) : null,
                b.requiresGrad() ? Reductions.sumTo(g.mul(out.detach()).mul(a.log()), b.shape()) : null}, a, b);
    }

    /** z = max(a, b); the gradient goes to the larger (to a on ties). */
    public static Tensor maximum(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("maximum", BinaryOp.MAX, a, b);
        return out.recordedAs("maximum", g -> routeByMask(g, Broadcast.binary("maximum", BinaryOp.GE, a, b), a, b),
                a, b);
    }

    /** z = min(a, b); the gradient goes to the smaller (to a on ties). */
    public static Tensor minimum(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("minimum", BinaryOp.MIN, a, b);
        return out.recordedAs("minimum", g -> routeByMask(g, Broadcast.binary("minimum", BinaryOp.GE, b, a), a, b),
                a, b);
    }

    /** Sends g·mask to a and g·(1 − mask) to b. */
    private static Tensor[] routeByMask(Tensor g, Tensor mask, Tensor a, Tensor b) {
        Tensor toA = g.mul(mask);
        return new Tensor[] {Reductions.sumToShapeOf(toA, a), Reductions.sumToShapeOf(g.sub(toA), b)};
    }

    // ---------------------------------------------------------------- unary

    private static Tensor unary(String name, UnaryOp op, Tensor x, double alpha) {
        Tensor xc = x.contiguous();
        Tensor out = Tensor.forOverwriteLike(xc);
        out.backend().unary(op, out.numel(), xc.storage(), xc.offset(), out.storage(), 0, alpha);
        return out.recordedBy(name, (r, g) -> {     // reads x, y, the op and α from the record
            Tensor in = r.input(0);
            Tensor y = r.output();
            Tensor gc = g.contiguous();
            Tensor dx = Tensor.forOverwriteLike(in);
            dx.backend().unaryBackward((UnaryOp) r.saved(), dx.numel(), in.storage(), in.offset(), y.storage(),
                    y.offset(), gc.storage(), gc.offset(), dx.storage(), 0, r.number());
            return r.gradients(dx);
        }, true, xc, null, 0, alpha, op);
    }

    public static Tensor neg(Tensor x) { return unary("neg", UnaryOp.NEG, x, 0); }
    public static Tensor exp(Tensor x) { return unary("exp", UnaryOp.EXP, x, 0); }
    public static Tensor log(Tensor x) { return unary("log", UnaryOp.LOG, x, 0); }
    public static Tensor sqrt(Tensor x) { return unary("sqrt", UnaryOp.SQRT, x, 0); }
    public static Tensor abs(Tensor x) { return unary("abs", UnaryOp.ABS, x, 0); }
    public static Tensor tanh(Tensor x) { return unary("tanh", UnaryOp.TANH, x, 0); }
    public static Tensor sigmoid(Tensor x) { return unary("sigmoid", UnaryOp.SIGMOID, x, 0); }
    public static Tensor relu(Tensor x) { return unary("relu", UnaryOp.RELU, x, 0); }
    public static Tensor leakyRelu(Tensor x, double slope) { return unary("leakyRelu", UnaryOp.LEAKY_RELU, x, slope); }
    public static Tensor powScalar(Tensor x, double exponent) { return unary("pow", UnaryOp.POW, x, exponent); }
    public static Tensor scale(Tensor x, double factor) { return unary("scale", UnaryOp.SCALE, x, factor); }
    public static Tensor shift(Tensor x, double amount) { return unary("shift", UnaryOp.SHIFT, x, amount); }

    /** y = min(max(x, lo), hi); ∂y/∂x = [lo ≤ x ≤ hi]. */
    public static Tensor clamp(Tensor x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: lo " + lo + " must not exceed hi " + hi);
        }
        Tensor low = Broadcast.constant(x, lo);
        Tensor high = Broadcast.constant(x, hi);
        Tensor out = Broadcast.binary("clamp", BinaryOp.MIN, Broadcast.binary("clamp", BinaryOp.MAX, x, low), high);
        return out.recordedAs("clamp", g -> new Tensor[] {g.mul(
                Broadcast.binary("clamp", BinaryOp.GE, x, low).mul(Broadcast.binary("clamp", BinaryOp.GE, high, x)))},
                x);
    }

    /** The same values in another dtype; the gradient is converted back. */
    public static Tensor convert(Tensor x, DType dtype) {
        Tensor xc = x.contiguous();
        Tensor out = Tensor.forOverwrite(x.device(), dtype, x.shape());
        out.backend().convert(out.numel(), xc.storage(), xc.offset(), out.storage(), 0);
        DType original = x.dtype();
        return out.recordedAs("to" + dtype, g -> new Tensor[] {g.to(original)}, x);
    }
}

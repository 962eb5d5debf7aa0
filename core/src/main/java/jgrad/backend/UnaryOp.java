package jgrad.backend;

/**
 * Elementwise maps y = f(x). {@code alpha} is the one parameter some of them take.
 * The derivative column is what {@link Backend#unaryBackward} computes as dx = g · f'(x).
 */
public enum UnaryOp {
    /** y = −x; f' = −1. */
    NEG,
    /** y = eˣ; f' = y. */
    EXP,
    /** y = ln x; f' = 1/x. */
    LOG,
    /** y = √x; f' = 1/(2y). */
    SQRT,
    /** y = |x|; f' = sign(x) (0 at 0). */
    ABS,
    /** y = tanh x; f' = 1 − y². */
    TANH,
    /** y = 1/(1+e⁻ˣ), computed without overflow for large |x|; f' = y(1 − y). */
    SIGMOID,
    /** y = max(0, x); f' = [x &gt; 0]. */
    RELU,
    /** y = x if x &gt; 0 else αx; f' = 1 or α. */
    LEAKY_RELU,
    /** y = x^α; f' = α x^(α−1). */
    POW,
    /** y = αx; f' = α. */
    SCALE,
    /** y = x + α; f' = 1. */
    SHIFT
}

package jgrad.random;

/**
 * Philox-4x32-10 and the stateless draws derived from it. Every function here is pure: the same
 * arguments give the same bits on every JVM and, through {@code philox.cuh}, on every CUDA device.
 *
 * <h2>The block function</h2>
 * All arithmetic is on unsigned 32-bit words, modulo 2<sup>32</sup>. The state starts as the counter
 * (x₀, x₁, x₂, x₃) and the round key as (k₀, k₁). One round, with M₀ = 0xD2511F53, M₁ = 0xCD9E8D57 and
 * hi/lo the upper and lower 32 bits of a 64-bit product:
 * <pre>
 *   p₀ = M₀ · x₀,  p₁ = M₁ · x₂                                    (exact 64-bit products)
 *   (x₀, x₁, x₂, x₃) ← (hi(p₁) ⊕ x₁ ⊕ k₀,  lo(p₁),  hi(p₀) ⊕ x₃ ⊕ k₁,  lo(p₀))
 * </pre>
 * Ten rounds; before each round but the first the key takes a Weyl step,
 * k₀ ← k₀ + 0x9E3779B9, k₁ ← k₁ + 0xBB67AE85. The output is the state after round 10. This is
 * Random123's {@code philox4x32_R(10, ctr, key)}, checked against its published known answers.
 *
 * <h2>From (seed, index) to bits</h2>
 * The stateless draws use one block per index, with
 * <pre>
 *   key     = (lo32(seed), hi32(seed))
 *   counter = (lo32(index), hi32(index), 0, 0)
 * </pre>
 * where seed and index are read as unsigned 64-bit integers (a negative Java long is the same 64
 * bits). Calling the four outputs (x₀, x₁, x₂, x₃) = {@link #words words(seed, index)}, and
 * top53(a, b) = ((a · 2³² + b) >> 11) for the 64-bit integer with a as its upper half:
 * <ul>
 * <li>{@link #uniformFloat(long, long)} = (x₀ >> 8) · 2⁻²⁴, a float in [0, 1) on a grid of 2⁻²⁴;
 * <li>{@link #uniformDouble(long, long)} = top53(x₀, x₁) · 2⁻⁵³, a double in [0, 1) on a grid of 2⁻⁵³
 *     (so its first 24 bits are those of uniformFloat: uniformFloat = uniformDouble rounded down to the
 *     float grid);
 * <li>{@link #gaussian(long, long)} = √(−2 ln u₁) · cos(2π u₂) (Box–Muller, the cosine half), with
 *     u₁ = (top53(x₀, x₁) + 1) · 2⁻⁵³ ∈ (0, 1] and u₂ = top53(x₂, x₃) · 2⁻⁵³ ∈ [0, 1), 2π being the
 *     double {@code 2 * Math.PI}.
 * </ul>
 * The bits of u₁ and u₂ are exact on every device; ln and cos are {@link StrictMath}'s here (the same
 * result on every JVM), while a GPU's libm may differ from them in the last ulp or two.
 *
 * <p>Draws at the same (seed, index) share bits (uniformFloat, uniformDouble and u₁ of gaussian all
 * start from x₀): independent quantities need different seeds or disjoint index ranges.
 * {@link PhiloxRandom} with stream 0 walks the same blocks: its words 4b … 4b+3 are
 * words(seed, b).
 */
public final class Philox {

    /** Multiplier of the round's first product, M₀. */
    public static final int M0 = 0xD2511F53;
    /** Multiplier of the round's second product, M₁. */
    public static final int M1 = 0xCD9E8D57;
    /** Weyl increment of k₀ (the golden ratio's fraction, 2³²·(φ − 1)). */
    public static final int W0 = 0x9E3779B9;
    /** Weyl increment of k₁ (2³²·(√3 − 1)). */
    public static final int W1 = 0xBB67AE85;
    /** Rounds of Philox-4x32-10. */
    public static final int ROUNDS = 10;

    private static final long MASK = 0xFFFF_FFFFL;
    private static final double TWO_PI = 2 * Math.PI;

    private Philox() {
    }

    /**
     * Philox-4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1), written to out[at … at+3].
     * Java ints hold the unsigned words' bits.
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int at) {
        int x0 = c0, x1 = c1, x2 = c2, x3 = c3;
        for (int r = 0; r < ROUNDS; r++) {
            if (r > 0) {
                k0 += W0;
                k1 += W1;
            }
            long p0 = (M0 & MASK) * (x0 & MASK);  // < 2⁶⁴: the bits are the exact unsigned product
            long p1 = (M1 & MASK) * (x2 & MASK);
            x0 = (int) (p1 >>> 32) ^ x1 ^ k0;
            x1 = (int) p1;
            x2 = (int) (p0 >>> 32) ^ x3 ^ k1;
            x3 = (int) p0;
        }
        out[at] = x0;
        out[at + 1] = x1;
        out[at + 2] = x2;
        out[at + 3] = x3;
    }

    /** {@link #block(int, int, int, int, int, int, int[], int)} into out[0 … 3]. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        block(c0, c1, c2, c3, k0, k1, out, 0);
    }

    /** The block at (seed, index): counter (lo32(index), hi32(index), 0, 0), key (lo32(seed), hi32(seed)). */
    public static void words(long seed, long index, int[] out) {
        block((int) index, (int) (index >>> 32), 0, 0, (int) seed, (int) (seed >>> 32), out, 0);
    }

    /** (x₀ >> 8) · 2⁻²⁴ of words(seed, index): a float in [0, 1). */
    public static float uniformFloat(long seed, long index) {
        int[] x = new int[4];
        words(seed, index, x);
        return (x[0] >>> 8) * 0x1.0p-24f;
    }

    /** top53(x₀, x₁) · 2⁻⁵³ of words(seed, index): a double in [0, 1). */
    public static double uniformDouble(long seed, long index) {
        int[] x = new int[4];
        words(seed, index, x);
        return top53(x[0], x[1]) * 0x1.0p-53;
    }

    /** √(−2 ln u₁) · cos(2π u₂), u₁ = (top53(x₀, x₁) + 1) · 2⁻⁵³, u₂ = top53(x₂, x₃) · 2⁻⁵³: a standard normal. */
    public static double gaussian(long seed, long index) {
        int[] x = new int[4];
        words(seed, index, x);
        return boxMuller(x[0], x[1], x[2], x[3]);
    }

    /**
     * A float in [lo, hi) for lo &lt; hi: v = fma(hi − lo, uniformFloat(seed, index), lo) in float (one
     * rounding for the difference, one for the fused multiply-add), replaced by the largest float below
     * hi in the rare case that the rounding reaches hi.
     */
    public static float uniformFloat(long seed, long index, float lo, float hi) {
        return inRange(uniformFloat(seed, index), lo, hi);
    }

    /** A double in [lo, hi) for lo &lt; hi: as the float version, with uniformDouble and doubles. */
    public static double uniformDouble(long seed, long index, double lo, double hi) {
        return inRange(uniformDouble(seed, index), lo, hi);
    }

    /**
     * The dropout rule: element i of a mask drawn at (seed, offset) is kept iff
     * {@code dropoutKeeps(seed, offset + i, p)}, i.e. (double) uniformFloat(seed, index) ≥ p. A kept
     * element is scaled by 1 / (1 − p), computed in double and rounded once to the tensor's dtype. The
     * probability of keeping is 1 − ⌈p · 2²⁴⌉ · 2⁻²⁴, which is 1 − p up to 2⁻²⁴.
     */
    public static boolean dropoutKeeps(long seed, long index, double p) {
        return uniformFloat(seed, index) >= p;
    }

    static float inRange(float u, float lo, float hi) {
        float v = Math.fma(hi - lo, u, lo);
        return v < hi ? v : Math.nextDown(hi);
    }

    static double inRange(double u, double lo, double hi) {
        double v = Math.fma(hi - lo, u, lo);
        return v < hi ? v : Math.nextDown(hi);
    }

    /** The upper 53 bits of the unsigned 64-bit integer a · 2³² + b, as a long in [0, 2⁵³). */
    static long top53(int a, int b) {
        return ((a & MASK) << 32 | (b & MASK)) >>> 11;
    }

    /** The Box–Muller normal of four words, as {@link #gaussian} defines it. */
    static double boxMuller(int x0, int x1, int x2, int x3) {
        double u1 = (top53(x0, x1) + 1) * 0x1.0p-53;
        double u2 = top53(x2, x3) * 0x1.0p-53;
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }
}

package jgrad.privacy.dp;

import java.util.Arrays;

/**
 * A Rényi-DP accountant for DP-SGD: it adds up the RDP of each step of the Poisson-subsampled Gaussian
 * mechanism ({@link SubsampledGaussian}) over a grid of orders α (RDP composes by addition), and converts the
 * total to (ε, δ)-DP with Balle, Barthe, Gaboardi, Hsu and Sato, "Hypothesis Testing Interpretations and
 * Rényi Differential Privacy" (2020), Theorem 21:
 * ε = min_α [RDP(α) + log((α − 1)/α) − (log δ + log α)/(α − 1)].
 * Plain host arithmetic: an accountant reads no tensor.
 */
public final class RdpAccountant {

    /** The orders: 1.1 to 10.9 by 0.1, every integer 11 to 64, then 80, 96, 128, 256. */
    public static final double[] DEFAULT_ORDERS = defaultOrders();

    /** ε and the order that gave it. */
    public record Spent(double epsilon, double order) {
    }

    private final double[] orders;
    private final double[] rdp;
    private long steps;
    private final double[] lastRdp;
    private double lastQ = Double.NaN;
    private double lastSigma = Double.NaN;

    public RdpAccountant() {
        this(DEFAULT_ORDERS);
    }

    public RdpAccountant(double[] orders) {
        if (orders.length == 0) {
            throw new IllegalArgumentException("an accountant needs at least one order");
        }
        for (double a : orders) {
            if (!(a > 1) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("an RDP order must be above 1 and finite, got " + a);
            }
        }
        this.orders = orders.clone();
        this.rdp = new double[orders.length];
        this.lastRdp = new double[orders.length];
    }

    /** Records {@code count} steps at sample rate {@code q} with noise multiplier {@code sigma}. */
    public void step(double q, double sigma, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a step count cannot be negative, got " + count);
        }
        if (q != lastQ || sigma != lastSigma) {       // DP-SGD repeats one (q, σ): the series once, not per step
            for (int i = 0; i < orders.length; i++) {
                lastRdp[i] = SubsampledGaussian.rdp(q, sigma, orders[i]);
            }
            lastQ = q;
            lastSigma = sigma;
        }
        for (int i = 0; i < orders.length; i++) {
            rdp[i] += count * lastRdp[i];
        }
        steps += count;
    }

    /** The steps recorded so far. */
    public long steps() {
        return steps;
    }

    /** The (ε, δ) guarantee of the steps so far: the smallest ε over the orders, and its order. */
    public Spent spent(double delta) {
        return best(orders, rdp, delta);
    }

    /** ε after {@code steps} steps at rate {@code q} and noise multiplier {@code sigma}, for {@code delta}. */
    public static Spent epsilon(double q, double sigma, long steps, double delta) {
        RdpAccountant a = new RdpAccountant();
        a.step(q, sigma, steps);
        return a.spent(delta);
    }

    /**
     * The smallest noise multiplier whose ε after {@code steps} steps at rate {@code q} is at most
     * {@code targetEpsilon} (bisection to a relative 1e-6; ε falls as σ grows). A target below what any noise
     * reaches with these orders is an error that says the smallest ε reachable.
     */
    public static double noiseMultiplier(double targetEpsilon, double q, long steps, double delta) {
        if (!(targetEpsilon > 0) || Double.isInfinite(targetEpsilon)) {
            throw new IllegalArgumentException("the target ε must be positive and finite, got " + targetEpsilon);
        }
        double hi = 1;
        while (epsilon(q, hi, steps, delta).epsilon() > targetEpsilon) {
            hi *= 2;
            if (hi > 1e6) {
                double floor = new RdpAccountant().spent(delta).epsilon();
                throw new IllegalArgumentException("ε = " + targetEpsilon + " cannot be reached in " + steps
                        + " steps at sample rate " + q + " and δ = " + delta + " with any noise (the conversion alone"
                        + " costs ε ≥ " + String.format(java.util.Locale.ROOT, "%.4g", floor) + ")");
            }
        }
        double lo = hi / 2;
        while (epsilon(q, lo, steps, delta).epsilon() <= targetEpsilon) {
            hi = lo;
            lo /= 2;
            if (lo < 1e-3) {
                return hi;        // almost no noise already meets the target
            }
        }
        while (hi - lo > 1e-6 * hi) {
            double mid = 0.5 * (lo + hi);
            if (epsilon(q, mid, steps, delta).epsilon() <= targetEpsilon) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static Spent best(double[] orders, double[] rdp, double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("δ must be in (0, 1), got " + delta);
        }
        double bestEps = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < rdp.length; i++) {
            double a = orders[i];
            double eps = rdp[i] + Math.log((a - 1) / a) - (Math.log(delta) + Math.log(a)) / (a - 1);
            if (eps < bestEps) {
                bestEps = eps;
                bestOrder = a;
            }
        }
        return new Spent(Math.max(0, bestEps), bestOrder);
    }

    private static double[] defaultOrders() {
        double[] o = new double[99 + 54 + 4];
        int n = 0;
        for (int t = 11; t <= 109; t++) {
            o[n++] = t / 10.0;
        }
        for (int a = 11; a <= 64; a++) {
            o[n++] = a;
        }
        for (int a : new int[] {80, 96, 128, 256}) {
            o[n++] = a;
        }
        return Arrays.copyOf(o, n);
    }
}

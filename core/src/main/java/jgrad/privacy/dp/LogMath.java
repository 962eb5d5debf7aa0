package jgrad.privacy.dp;

/**
 * Logarithms of sums and of the complementary error function, for the accountant's series whose terms
 * overflow a double long before their logarithms do.
 */
final class LogMath {

    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

    private LogMath() {
    }

    /** log(e^a + e^b). */
    static double logAdd(double a, double b) {
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        return hi == Double.NEGATIVE_INFINITY ? hi : hi + Math.log1p(Math.exp(lo - hi));
    }

    /** log(e^a − e^b) for a ≥ b. */
    static double logSub(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b > a) {
            throw new ArithmeticException("log of a negative number");
        }
        return a + Math.log(-Math.expm1(b - a));
    }

    /**
     * log erfc(x). For |x| < 2 from the Maclaurin series of erf (terms alternate, magnitudes below e⁴, so about
     * 1e-15 absolute); for x ≥ 2 from Laplace's continued fraction
     * erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified Lentz method,
     * which keeps full relative precision far in the tail; for x ≤ −2 as log(2 − erfc(−x)).
     */
    static double logErfc(double x) {
        if (x >= 2) {
            return -x * x - LOG_SQRT_PI - Math.log(continuedFraction(x));
        }
        if (x <= -2) {
            return Math.log(2 - Math.exp(logErfc(-x)));
        }
        return Math.log(1 - erfSeries(x));
    }

    /** erf(x) = 2/√π Σ (−1)ⁿ x^{2n+1} / (n! (2n + 1)). */
    private static double erfSeries(double x) {
        double term = x;            // (−1)ⁿ x^{2n+1} / n!
        double sum = x;
        double x2 = x * x;
        for (int n = 1; n < 200; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    /** x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))): the denominator of erfc's continued fraction. */
    private static double continuedFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return f;
    }
}

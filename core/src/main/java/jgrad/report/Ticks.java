package jgrad.report;

import java.util.Locale;

/**
 * Readable tick marks: a step of 1, 2 or 5 × 10ᵏ giving about {@code target} intervals (Heckbert's "nice
 * numbers", Graphics Gems, 1990), the range widened outward to whole steps, and labels with just the decimals
 * the step needs (thousands grouped: 200,000).
 *
 * @param min the first tick, a multiple of step at or below the data
 * @param max the last tick, at or above the data
 */
record Ticks(double min, double max, double step) {

    /** Ticks covering [lo, hi]; a flat range is widened around its value so it still has an extent. */
    static Ticks covering(double lo, double hi, int target, boolean whole) {
        if (!(lo < hi)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / target, whole);
        double first = Math.floor(lo / step + 1e-9) * step;
        double last = Math.ceil(hi / step - 1e-9) * step;
        return new Ticks(first, last, step);
    }

    /** Ticks inside a fixed range [lo, hi], which is kept as the axis range. */
    static Ticks within(double lo, double hi, int target, boolean whole) {
        double step = niceStep((hi - lo) / target, whole);
        return new Ticks(lo, hi, step);
    }

    /** A whole axis never steps by less than 1: there is no epoch 2.5. */
    private static double niceStep(double rough, boolean whole) {
        if (whole && rough < 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /** The tick values: the multiples of step from min to max (inclusive, within rounding). */
    double[] values() {
        long from = (long) Math.ceil(min / step - 1e-9);
        long to = (long) Math.floor(max / step + 1e-9);
        double[] v = new double[(int) (to - from + 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (from + i) * step;
        }
        return v;
    }

    /** A tick's label, with as many decimals as the step has. */
    String label(double value) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double shown = Math.abs(value) < step * 1e-6 ? 0 : value;     // no "-0.0"
        return String.format(Locale.ROOT, "%,." + decimals + "f", shown);
    }
}

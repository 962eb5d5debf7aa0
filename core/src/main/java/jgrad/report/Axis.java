package jgrad.report;

/**
 * An axis of a plot: what it measures and in which unit, shown as {@code "label (unit)"}, optionally a fixed
 * range (both bounds finite, min &lt; max; without one the range is fitted to the data), and whether it counts
 * whole things (epochs, rounds), whose ticks are then whole numbers.
 */
public record Axis(String label, String unit, double min, double max, boolean whole) {

    public Axis {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("an axis needs a label");
        }
        if (!Double.isNaN(min) || !Double.isNaN(max)) {
            if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
                throw new IllegalArgumentException("axis '" + label + "': range [" + min + ", " + max
                        + "] must have finite bounds with min < max");
            }
        }
    }

    /** An axis whose range is fitted to the data. */
    public static Axis of(String label, String unit) {
        return new Axis(label, unit, Double.NaN, Double.NaN, false);
    }

    /** The same axis with ticks on whole numbers only. */
    public Axis counting() {
        return new Axis(label, unit, min, max, true);
    }

    /** The same axis with a fixed range, e.g. [0, 1] for a rate. */
    public Axis range(double from, double to) {
        return new Axis(label, unit, from, to, whole);
    }

    boolean fixed() {
        return !Double.isNaN(min);
    }

    /** The axis title as drawn. */
    String title() {
        return unit == null || unit.isBlank() ? label : label + " (" + unit + ")";
    }
}

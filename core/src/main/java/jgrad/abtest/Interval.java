package jgrad.abtest;

/** A closed interval {@code [lower, upper]} of a confidence interval; NaN bounds when it is undefined. */
public record Interval(double lower, double upper) {

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    public double width() {
        return upper - lower;
    }
}

package jgrad.data.csv;

import java.util.Objects;

/**
 * A declared column: its name, type, and for numbers the closed range of allowed values
 * (a value outside it makes the row bad, e.g. an id out of range).
 */
public record Column(String name, ColumnType type, double min, double max) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!(min <= max)) {
            throw new IllegalArgumentException("column '" + name + "': empty range [" + min + ", " + max + "]");
        }
    }

    /** A column without range constraint. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** The same column restricted to {@code [lo, hi]}; only numeric columns can be restricted. */
    public Column range(double lo, double hi) {
        if (type == ColumnType.STRING || type == ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type + " has no numeric range");
        }
        return new Column(name, type, lo, hi);
    }

    boolean inRange(double value) {
        return value >= min && value <= max;
    }
}

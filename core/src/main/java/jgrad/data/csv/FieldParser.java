package jgrad.data.csv;

import java.util.Locale;

/** Parses one field into a column's type, with range checks; problems are reported as {@link RowProblem}. */
final class FieldParser {

    private FieldParser() {
    }

    static long parseInteger(Column column, String text) throws RowProblem {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw problem(column, "unparsable integer '" + text + "'");
        }
        if (column.type() == ColumnType.INT && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw problem(column, "integer " + text + " does not fit in 32 bits");
        }
        checkRange(column, value, text);
        return value;
    }

    static double parseDouble(Column column, String text) throws RowProblem {
        // Double.parseDouble also takes "NaN", "Infinity", "1f" and hex: not numbers in a data file.
        if (text.isEmpty() || !hasOnlyDecimalChars(text)) {
            throw problem(column, "unparsable number '" + text + "'");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem(column, "unparsable number '" + text + "'");
        }
        checkRange(column, value, text);
        return value;
    }

    static boolean parseBoolean(Column column, String text) throws RowProblem {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw problem(column, "not a boolean '" + text + "'");
        };
    }

    private static boolean hasOnlyDecimalChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void checkRange(Column column, double value, String text) throws RowProblem {
        if (!column.inRange(value)) {
            throw problem(column, "value " + text + " out of range [" + format(column.min()) + ", "
                    + format(column.max()) + "]");
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
    }

    static RowProblem problem(Column column, String what) {
        return new RowProblem("column '" + column.name() + "': " + what);
    }
}

package jgrad.nn.conv;

/**
 * How much zero padding a window gets on each side of an axis: {@code valid} (none), {@code same}
 * (Keras: the output has ceil(n / s) positions) or an explicit count. Keras's "same" pads
 * total = max((ceil(n/s) − 1)·s + d·(k − 1) + 1 − n, 0) elements, floor(total/2) before and the rest
 * after; only an even total (every stride-1 layer with an odd kernel) is symmetric, and padding here
 * is symmetric, so an odd total is refused.
 */
public record Padding(Kind kind, int rows, int columns) {

    public enum Kind { VALID, SAME, EXPLICIT }

    public static Padding valid() {
        return new Padding(Kind.VALID, 0, 0);
    }

    public static Padding same() {
        return new Padding(Kind.SAME, 0, 0);
    }

    /** The same explicit count on both axes (and the one axis of a 1-d layer). */
    public static Padding of(int count) {
        return of(count, count);
    }

    /** Explicit counts: {@code rows} above and below, {@code columns} left and right. */
    public static Padding of(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + rows + "×" + columns);
        }
        return new Padding(Kind.EXPLICIT, rows, columns);
    }

    /** "valid", "same", a whole number, or "rows,columns" (as {@link #label()} writes an explicit padding). */
    public static Padding parse(String text) {
        return switch (text) {
            case "valid" -> valid();
            case "same" -> same();
            default -> {
                String[] parts = text.split(",", -1);
                if (parts.length == 1) {
                    yield of(count(text, text));
                }
                if (parts.length == 2) {
                    yield of(count(parts[0].trim(), text), count(parts[1].trim(), text));
                }
                throw unknown(text);
            }
        };
    }

    private static int count(String part, String text) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw unknown(text);
        }
    }

    private static IllegalArgumentException unknown(String text) {
        return new IllegalArgumentException("padding must be 'valid', 'same', a count or 'rows,columns', got '" + text + "'");
    }

    /**
     * The padding on each side of axis 0 (rows) or 1 (columns; the axis of a 1-d layer) of n elements,
     * for a kernel of k taps at stride s, dilation d.
     */
    public int resolve(int axis, int n, int k, int s, int d) {
        return switch (kind) {
            case VALID -> 0;
            case EXPLICIT -> axis == 0 ? rows : columns;
            case SAME -> {
                int total = Math.max(((n + s - 1) / s - 1) * s + d * (k - 1) + 1 - n, 0);
                if (total % 2 != 0) {
                    throw new IllegalArgumentException("padding 'same' for an axis of " + n + " with kernel " + k
                            + ", stride " + s + ", dilation " + d + " needs " + total
                            + " elements, an odd total: asymmetric padding is not supported; use an odd kernel at stride 1"
                            + " or an explicit padding");
                }
                yield total / 2;
            }
        };
    }

    public String label() {
        return kind == Kind.EXPLICIT ? rows + "," + columns : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package jgrad.privacy.anonymize;

import java.util.List;

/**
 * Generalization of a whole number (an age) by bands: level {@code i ≥ 1} replaces {@code v} by the band
 * {@code [w·⌊v/w⌋, w·⌊v/w⌋ + w − 1]} of its width {@code w}, and top-codes: every value at or above the
 * level's top code {@code t} becomes {@code "t+"} (the few extreme values are the easiest to re-identify).
 * Level 0 keeps the value; the last level is {@code "*"}.
 *
 * @param name  the column, for messages
 * @param bands the levels between the original and "*", finest first
 */
public record NumericBands(String name, List<Band> bands) implements Hierarchy {

    /** One level: bands of {@code width} below {@code topCode}, and {@code topCode+} above. */
    public record Band(int width, int topCode) {
        public Band {
            if (width < 1) {
                throw new IllegalArgumentException("a band width must be at least 1, got " + width);
            }
        }
    }

    public NumericBands {
        bands = List.copyOf(bands);
    }

    @Override
    public int levels() {
        return bands.size() + 2;
    }

    @Override
    public String generalize(String value, int level) {
        if (level == 0) {
            return value;
        }
        if (level == levels() - 1) {
            return ANY;
        }
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + name + "': '" + value + "' is not a whole number");
        }
        Band band = bands.get(level - 1);
        if (v >= band.topCode()) {
            return band.topCode() + "+";
        }
        int low = Math.floorDiv(v, band.width()) * band.width();
        return band.width() == 1 ? Integer.toString(low) : low + "-" + (low + band.width() - 1);
    }

    @Override
    public String describe(int level) {
        if (level == 0) {
            return "kept";
        }
        if (level == levels() - 1) {
            return "removed (*)";
        }
        Band band = bands.get(level - 1);
        return band.width() + "-year bands, top-coded at " + band.topCode() + "+";
    }
}

package jgrad.profile;

import java.util.Arrays;

/**
 * How a row of features splits into blocks: first {@code numeric} standardized numbers, then one one-hot block
 * per categorical column of the given widths. A model over such rows gives each block its own likelihood.
 */
public record TabularLayout(int numeric, int[] categoricalWidths) {

    public TabularLayout {
        if (numeric < 0) {
            throw new IllegalArgumentException("numeric count must not be negative, got " + numeric);
        }
        categoricalWidths = categoricalWidths.clone();
        for (int w : categoricalWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("a categorical block needs at least 1 column, got " + w);
            }
        }
        if (numeric + Arrays.stream(categoricalWidths).sum() == 0) {
            throw new IllegalArgumentException("a layout needs at least one column");
        }
    }

    @Override
    public int[] categoricalWidths() {
        return categoricalWidths.clone();
    }

    public int width() {
        return numeric + Arrays.stream(categoricalWidths).sum();
    }

    /** The block sizes along a row: the numeric block (if any), then each categorical one. */
    int[] blockSizes() {
        int[] sizes = new int[(numeric > 0 ? 1 : 0) + categoricalWidths.length];
        int i = 0;
        if (numeric > 0) {
            sizes[i++] = numeric;
        }
        System.arraycopy(categoricalWidths, 0, sizes, i, categoricalWidths.length);
        return sizes;
    }
}

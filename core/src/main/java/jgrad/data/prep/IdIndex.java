package jgrad.data.prep;

import java.util.Arrays;
import jgrad.data.Ratings;

/**
 * Re-indexes sparse raw ids (MovieLens movie ids go up to 193609) to dense ids {@code 0 … n−1}, in ascending
 * raw order, so they can index an embedding table. An id the index was not fitted on is refused with a
 * message naming it, rather than silently mapped.
 */
public final class IdIndex {

    private final int[] raw;

    private IdIndex(int[] sortedDistinct) {
        this.raw = sortedDistinct;
    }

    /** The distinct ids of {@code ids}. Fit users and items on the whole catalog, not only the training part. */
    public static IdIndex fit(int[] ids) {
        return new IdIndex(Arrays.stream(ids).distinct().sorted().toArray());
    }

    /** The ids {@code first … last}, e.g. the 1,682 MovieLens 100K items (then dense = raw − first). */
    public static IdIndex ofRange(int first, int last) {
        if (last < first) {
            throw new IllegalArgumentException("empty range [" + first + ", " + last + "]");
        }
        int[] ids = new int[Math.addExact(last - first, 1)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first + i;
        }
        return new IdIndex(ids);
    }

    public int size() {
        return raw.length;
    }

    public boolean contains(int rawId) {
        return Arrays.binarySearch(raw, rawId) >= 0;
    }

    /** The dense id of {@code rawId}. */
    public int index(int rawId) {
        int i = Arrays.binarySearch(raw, rawId);
        if (i < 0) {
            throw new IllegalArgumentException("unknown id: not among the " + raw.length + " ids fitted");
        }
        return i;
    }

    /** The raw id of a dense id. */
    public int rawId(int dense) {
        if (dense < 0 || dense >= raw.length) {
            throw new IllegalArgumentException("dense id " + dense + " out of range [0, " + raw.length + ")");
        }
        return raw[dense];
    }

    public int[] transform(int[] rawIds) {
        int[] out = new int[rawIds.length];
        for (int r = 0; r < rawIds.length; r++) {
            int i = Arrays.binarySearch(raw, rawIds[r]);
            if (i < 0) {
                throw new IllegalArgumentException("unknown id at row " + r + ": not among the " + raw.length
                        + " ids fitted");
            }
            out[r] = i;
        }
        return out;
    }

    /** Ratings with users and items replaced by their dense ids. */
    public static Ratings reindex(Ratings ratings, IdIndex users, IdIndex items) {
        return new Ratings(users.transform(ratings.users()), items.transform(ratings.items()), ratings.ratings(),
                ratings.timestamps());
    }
}

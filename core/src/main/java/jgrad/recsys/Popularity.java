package jgrad.recsys;

import java.util.Arrays;
import java.util.stream.IntStream;

import jgrad.data.Ratings;

/**
 * The non-personalised ranking: items by how many ratings they have, count(i) = |{(u, i, r)}|.
 * The baseline every recommender is measured against, and the honest answer for a user a model was
 * not trained on (a cold start). Items are dense ids 0 … n−1 (a rating's item id minus one, as
 * everywhere in this package).
 */
public final class Popularity {

    private final double[] counts;

    private Popularity(double[] counts) {
        this.counts = counts;
    }

    /** The rating counts of items 1 … numItems of {@code ratings} (ids outside that range are not counted). */
    public static Popularity of(Ratings ratings, int numItems) {
        double[] counts = new double[numItems];
        for (int item : ratings.items()) {
            if (item >= 1 && item <= numItems) {
                counts[item - 1]++;
            }
        }
        return new Popularity(counts);
    }

    /** The number of ratings of every item, by dense id. */
    public double[] counts() {
        return counts.clone();
    }

    /** The k most-rated items not in {@code seen} (dense ids), most rated first, ties broken by the smaller id. */
    public int[] topUnseen(int[] seen, int k) {
        boolean[] skip = new boolean[counts.length];
        for (int s : seen) {
            if (s >= 0 && s < counts.length) {
                skip[s] = true;
            }
        }
        return IntStream.range(0, counts.length).filter(i -> !skip[i]).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Double.compare(counts[b], counts[a]) : Integer.compare(a, b))
                .limit(Math.max(0, k)).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Popularity" + Arrays.toString(counts);
    }
}

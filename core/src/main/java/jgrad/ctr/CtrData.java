package jgrad.ctr;

import jgrad.data.Ratings;
import jgrad.data.movielens.MovieLens100k;
import jgrad.data.split.Split;

/**
 * The protocol of the DIN example on MovieLens: label = rating ≥ 4; histories of at most {@code maxHistory}
 * earlier items; test = the last 10 % of each user's ratings, validation (for early stopping) = the last
 * 10 % of each user's remaining ratings, training = the rest ({@link TimeSplit}). Histories of validation
 * and test rows hold every earlier rating, those of the other parts included: they are what the user did
 * before, which a deployed model knows. {@code truncatedHistories} counts the examples whose history
 * was cut to the latest {@code maxHistory} items.
 */
public record CtrData(CtrExamples train, CtrExamples validation, CtrExamples test, ItemGenres genres, int userIds,
                      int truncatedHistories) {

    /** The rating at or above which an example is a click. */
    public static final double LIKED = 4;
    /** The held-out fraction of each user's ratings, for the test and then for validation. */
    public static final double HELD_OUT = 0.1;

    /** ML-100K under this protocol. */
    public static CtrData movieLens(MovieLens100k ml, int maxHistory) {
        return of(ml.ratings(), ItemGenres.of(ml.movies(), MovieLens100k.GENRES), maxHistory);
    }

    /** Any ratings under this protocol, with the given genres (their items must cover the rated ones). */
    public static CtrData of(Ratings ratings, ItemGenres genres, int maxHistory) {
        if (ratings.maxItem() >= genres.itemIds()) {
            throw new IllegalArgumentException("item id " + ratings.maxItem() + " is rated but has no genres (the "
                    + "item list ends at id " + (genres.itemIds() - 1) + ")");
        }
        CtrExamples all = RatingHistories.build(ratings, LIKED, maxHistory);
        Split<CtrExamples> outer = TimeSplit.lastFraction(all, HELD_OUT);
        Split<CtrExamples> inner = TimeSplit.lastFraction(outer.train(), HELD_OUT);
        return new CtrData(inner.train(), inner.test(), outer.test(), genres, ratings.maxUser() + 1,
                RatingHistories.truncatedCount(ratings, maxHistory));
    }
}

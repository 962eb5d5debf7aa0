package jgrad.examples;

import java.nio.file.Path;

import jgrad.data.Ratings;
import jgrad.data.movielens.MovieLens100k;
import jgrad.data.prep.IdIndex;
import jgrad.data.split.Split;
import jgrad.tensor.Tensor;

/** The MovieLens 100K split u1 with dense ids (MovieLens id − 1), as the rating examples use it. */
record MovieRatings(int numUsers, int numItems, Ratings train, Ratings test) {

    static MovieRatings u1(Path data) {
        MovieLens100k ml = MovieLensFiles.open(data);
        Split<Ratings> split = ml.fixedSplit("u1");
        IdIndex users = IdIndex.ofRange(1, ml.userCount());
        IdIndex items = IdIndex.ofRange(1, ml.itemCount());
        return new MovieRatings(users.size(), items.size(), IdIndex.reindex(split.train(), users, items),
                IdIndex.reindex(split.test(), users, items));
    }

    /** Ratings as the target [n, 1] of a fit. */
    static Tensor column(float[] ratings) {
        return Tensor.of(ratings, ratings.length, 1);
    }

    String describe() {
        return String.format("MovieLens 100K split u1: %d users, %d movies, %,d training and %,d test ratings",
                numUsers, numItems, train.size(), test.size());
    }
}

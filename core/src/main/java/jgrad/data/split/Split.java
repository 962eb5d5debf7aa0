package jgrad.data.split;

import java.util.Objects;

/** A training part and a test part of the same data. */
public record Split<T>(T train, T test) {

    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}

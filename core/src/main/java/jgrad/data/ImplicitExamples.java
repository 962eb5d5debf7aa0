package jgrad.data;

import java.util.Objects;

/**
 * Training examples for implicit feedback: (user, item) pairs with label 1 for an observed interaction
 * and 0 for a sampled negative. Parallel arrays, shared rather than copied.
 */
public record ImplicitExamples(int[] users, int[] items, float[] labels) {

    public ImplicitExamples {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(labels, "labels");
        if (items.length != users.length || labels.length != users.length) {
            throw new IllegalArgumentException("users, items and labels differ in length");
        }
    }

    public int size() {
        return users.length;
    }
}

package jgrad.ctr;

import java.util.Locale;

/**
 * How {@link DinModel} pools the history e_1 … e_T into one vector for candidate c:
 * MEAN, (1/T) Σ e_t; ATTENTION, Σ a_t e_t with DIN's unnormalized weights a_t; SOFTMAX,
 * Σ softmax(a)_t e_t (the weights normalized over the user's history).
 */
public enum Pooling {
    MEAN, ATTENTION, SOFTMAX;

    public static Pooling parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown pooling '" + name + "' (known: mean, attention, softmax)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

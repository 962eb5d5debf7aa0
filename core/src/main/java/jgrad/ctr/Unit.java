package jgrad.ctr;

import java.util.Locale;

/** The activation of a hidden layer: ReLU, the logistic sigmoid, or {@link Dice}. */
public enum Unit {
    RELU, SIGMOID, DICE;

    public static Unit parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "' (known: relu, sigmoid, dice)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package jgrad.synth;

/**
 * A block of an encoded row: {@code [start, start + width)}, either one offset α squashed by tanh or a one-hot
 * choice (a category, or a numeric column's mode) produced by a softmax.
 */
public record Span(Kind kind, int start, int width) {

    /** How the generator's output of the block is activated. */
    public enum Kind { TANH, SOFTMAX }

    public int end() {
        return start + width;
    }
}

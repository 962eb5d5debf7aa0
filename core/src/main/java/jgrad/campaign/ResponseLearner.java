package jgrad.campaign;

/** A way to learn P(outcome = 1 | features): fitted on training rows, it scores other rows. */
public interface ResponseLearner {

    /** A short name for tables and legends. */
    String name();

    /**
     * Fits on {@code train} (row-major [n × width]) with its labels and returns P(1) for each row of
     * {@code score}.
     */
    double[] fitAndScore(float[] train, int[] labels, float[] score, int width, long seed);
}

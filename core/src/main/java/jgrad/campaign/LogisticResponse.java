package jgrad.campaign;

import jgrad.bandit.LogisticRegression;

/**
 * The baseline: ridge logistic regression, P(1 | x) = σ(b + wᵀx), fitted by Newton's method
 * ({@link LogisticRegression}, the intercept unpenalized in effect by a small λ = {@value #LAMBDA}).
 */
public final class LogisticResponse implements ResponseLearner {

    /** A light ridge: it only keeps one-hot columns that are all zero in training from growing without bound. */
    public static final double LAMBDA = 10.0;
    static final int ITERATIONS = 50;

    @Override
    public String name() {
        return "logistic regression";
    }

    @Override
    public double[] fitAndScore(float[] train, int[] labels, float[] score, int width, long seed) {
        double[][] x = withIntercept(train, width);
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        double[] w = LogisticRegression.fit(x, y, LAMBDA, ITERATIONS);
        double[][] s = withIntercept(score, width);
        double[] p = new double[s.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = LogisticRegression.probability(w, s[i]);
        }
        return p;
    }

    private static double[][] withIntercept(float[] rows, int width) {
        double[][] x = new double[rows.length / width][width + 1];
        for (int r = 0; r < x.length; r++) {
            x[r][0] = 1;
            for (int c = 0; c < width; c++) {
                x[r][c + 1] = rows[r * width + c];
            }
        }
        return x;
    }
}

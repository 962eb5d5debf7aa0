package jgrad.uplift;

/** A fitted uplift model: τ̂(x), the predicted change of the outcome's probability if x is treated. */
@FunctionalInterface
public interface UpliftModel {

    double uplift(double[] x);

    /** τ̂ for every row. */
    default double[] score(double[][] rows) {
        double[] s = new double[rows.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = uplift(rows[i]);
        }
        return s;
    }
}

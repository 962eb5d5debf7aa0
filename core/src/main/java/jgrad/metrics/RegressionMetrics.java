package jgrad.metrics;

/**
 * Errors of predicted ratings or values ŷ against the actual values y, over n pairs:
 * <pre>
 *   RMSE = sqrt( (1/n) Σ (ŷ_i − y_i)² )
 *   MAE  = (1/n) Σ |ŷ_i − y_i|
 * </pre>
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    public static double rmse(double[] predicted, double[] actual) {
        Checks.sameLengthNonEmpty(predicted.length, actual.length, "rmse");
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double e = predicted[i] - actual[i];
            sum += e * e;
        }
        return Math.sqrt(sum / predicted.length);
    }

    public static double mae(double[] predicted, double[] actual) {
        Checks.sameLengthNonEmpty(predicted.length, actual.length, "mae");
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return sum / predicted.length;
    }

    /** RMSE of float predictions (a model's output) against float ratings, accumulated in double. */
    public static double rmse(float[] predicted, float[] actual) {
        return rmse(toDoubles(predicted), toDoubles(actual));
    }

    public static double mae(float[] predicted, float[] actual) {
        return mae(toDoubles(predicted), toDoubles(actual));
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

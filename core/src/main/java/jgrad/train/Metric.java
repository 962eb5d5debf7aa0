package jgrad.train;

import java.util.function.BiFunction;

import jgrad.tensor.Tensor;

/**
 * A quantity reported during training, accumulated over the batches of an epoch (Keras's stateful
 * metrics): {@link #reset()}, {@link #update} per batch, {@link #result()} at the end. Metrics that
 * need the whole epoch at once (an exact AUC) keep what they need in {@code update}.
 */
public interface Metric {

    /** The key in the logs and the {@link History}, e.g. "mae"; "val_" is prefixed for validation. */
    String name();

    void reset();

    void update(Tensor prediction, Tensor target);

    double result();

    /** A metric that is a per-example mean: the batch values weighted by batch size. */
    static Metric mean(String name, BiFunction<Tensor, Tensor, Double> batchMean) {
        return new Metric() {
            private double sum;
            private long count;

            @Override public String name() { return name; }

            @Override public void reset() {
                sum = 0;
                count = 0;
            }

            @Override public void update(Tensor prediction, Tensor target) {
                int n = prediction.rank() == 0 ? 1 : prediction.shape(0);
                sum += batchMean.apply(prediction, target) * n;
                count += n;
            }

            @Override public double result() {
                return count == 0 ? Double.NaN : sum / count;
            }
        };
    }
}

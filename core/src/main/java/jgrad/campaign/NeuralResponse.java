package jgrad.campaign;

import java.util.SplittableRandom;

import jgrad.backend.Device;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.loss.Losses;
import jgrad.optim.AdamW;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.History;
import jgrad.train.Sequential;

/**
 * A feed-forward response model on the engine:
 * <pre>
 *   z = W₂ · dropout(relu(W₁x + b₁)) + b₂,   P(1 | x) = σ(z)
 * </pre>
 * trained on binary cross-entropy from the logit with AdamW (decoupled weight decay λ, Loshchilov and Hutter
 * 2019) for a fixed number of epochs, on the given device.
 *
 * @param hidden width of the hidden layer
 * @param dropout dropout rate after it
 * @param learningRate AdamW's step size
 * @param weightDecay AdamW's λ
 * @param epochs passes over the training rows
 * @param batch rows per step
 */
public record NeuralResponse(int hidden, double dropout, double learningRate, double weightDecay, int epochs,
        int batch, Device device) implements ResponseLearner {

    @Override
    public String name() {
        return "feed-forward network";
    }

    @Override
    public double[] fitAndScore(float[] train, int[] labels, float[] score, int width, long seed) {
        Sequential model = build(width, seed);
        fit(model, train, labels, width, seed);
        return probabilities(model, score, width);
    }

    /** The untrained network for {@code width} features, its weights drawn from {@code seed}. */
    public Sequential build(int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Sequential model = new Sequential(
                new Dense(width, hidden, Activation.RELU, rng),
                new Dropout(dropout, rng.split()),
                new Dense(hidden, 1, Activation.LINEAR, rng));
        model.to(device);
        return model;
    }

    /** Trains {@code model} on the rows; returns its per-epoch history. */
    public History fit(Sequential model, float[] train, int[] labels, int width, long seed) {
        model.compile(new AdamW(learningRate, 0.9, 0.999, 1e-7, weightDecay), Losses::binaryCrossEntropy);
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return model.fit(Tensor.of(train, labels.length, width), Tensor.of(y, y.length, 1),
                Fit.epochs(epochs).batchSize(batch).seed(seed).verbose(0));
    }

    /** σ of the model's logit for each row. */
    public static double[] probabilities(Sequential model, float[] rows, int width) {
        return model.predict(Tensor.of(rows, rows.length / width, width)).sigmoid().to(Device.CPU).toDoubleArray();
    }
}

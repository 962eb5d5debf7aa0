package jgrad.campaign;

import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.Device;
import jgrad.nn.Activation;
import jgrad.nn.layers.Concat;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.loss.Losses;
import jgrad.optim.AdamW;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.History;
import jgrad.train.Model;
import jgrad.train.SymbolicTensor;

/**
 * A feed-forward response model on the engine:
 * <pre>
 *   h = dropout(relu(W₁x + b₁))
 *   z = W₂·h + b₂                    (plain)
 *   z = W₂·[x; h] + b₂ = w·x + v·h + b₂   (wide: the features also reach the output, Cheng et al. 2016)
 *   P(1 | x) = σ(z)
 * </pre>
 * trained on binary cross-entropy from the logit with AdamW (decoupled weight decay λ, Loshchilov and Hutter
 * 2019) for a fixed number of epochs, on the given device. The wide form holds logistic regression as the
 * case v = 0, so the hidden layer only has to learn what a linear score misses.
 *
 * @param hidden width of the hidden layer
 * @param dropout dropout rate after it
 * @param learningRate AdamW's step size
 * @param weightDecay AdamW's λ
 * @param epochs passes over the training rows
 * @param batch rows per step
 * @param wide whether the features also reach the output layer
 */
public record NeuralResponse(int hidden, double dropout, double learningRate, double weightDecay, int epochs,
        int batch, boolean wide, Device device) implements ResponseLearner {

    private static final int PREDICT_BATCH = 1024;

    @Override
    public String name() {
        return wide ? "wide & deep network" : "feed-forward network";
    }

    @Override
    public double[] fitAndScore(float[] train, int[] labels, float[] score, int width, long seed) {
        Model model = build(width, seed);
        fit(model, train, labels, width, seed);
        return probabilities(model, score, width);
    }

    /** The untrained network for {@code width} features, its weights drawn from {@code seed}. */
    public Model build(int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SymbolicTensor x = SymbolicTensor.input("features");
        SymbolicTensor h = SymbolicTensor.apply("hidden", new Dense(width, hidden, Activation.RELU, rng), x);
        h = SymbolicTensor.apply("dropout", new Dropout(dropout, rng.split()), h);
        if (wide) {
            h = SymbolicTensor.apply("wide_and_deep", new Concat(), x, h);
        }
        SymbolicTensor z = SymbolicTensor.apply("logit", new Dense(wide ? width + hidden : hidden, 1,
                Activation.LINEAR, rng), h);
        Model model = new Model(List.of(x), z);
        model.to(device);
        return model;
    }

    /** Trains {@code model} on the rows; returns its per-epoch history. */
    public History fit(Model model, float[] train, int[] labels, int width, long seed) {
        model.compile(new AdamW(learningRate, 0.9, 0.999, 1e-7, weightDecay), Losses::binaryCrossEntropy);
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return model.fit(Tensor.of(train, labels.length, width), Tensor.of(y, y.length, 1),
                Fit.epochs(epochs).batchSize(batch).seed(seed).verbose(0));
    }

    /** σ of the model's logit for each row. */
    public static double[] probabilities(Model model, float[] rows, int width) {
        return model.predict(List.of(Tensor.of(rows, rows.length / width, width)), PREDICT_BATCH).sigmoid()
                .to(Device.CPU).toDoubleArray();
    }
}

package jgrad.profile;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.nn.loss.Losses;
import jgrad.tensor.Tensor;

/**
 * A deep belief net (Hinton, Osindero and Teh, Neural Computation 18, 2006): a stack of RBMs "rbm0", "rbm1", …
 * trained greedily, each on the hidden probabilities p(h|v) the one below gives the rows; the first may have
 * Gaussian visible units (standardized features), the others Bernoulli ones. The profile code of a row is
 * the top layer's p(h|v), passed up the stack. Fine-tuning unrolls the stack into a deep autoencoder (Hinton and
 * Salakhutdinov 2006) with the RBMs' weights tied between its halves: up through p(h|v), back down through
 * E[v|h], trained on the mean squared reconstruction error.
 */
public final class Dbn extends Module {

    private final Rbm[] layers;

    /** @param hidden the hidden widths, bottom first; the last is the code width */
    public Dbn(int visible, int[] hidden, Rbm.Visible first, DType dtype, RandomGenerator rng) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("a DBN needs at least one hidden layer");
        }
        layers = new Rbm[hidden.length];
        int width = visible;
        for (int l = 0; l < hidden.length; l++) {
            layers[l] = child("rbm" + l, new Rbm(width, hidden[l], l == 0 ? first : Rbm.Visible.BERNOULLI, dtype, rng));
            width = hidden[l];
        }
    }

    public Rbm layer(int l) {
        return layers[l];
    }

    public int depth() {
        return layers.length;
    }

    /**
     * Greedy layer-wise pretraining by CD-k (or persistent CD); returns each layer's per-epoch reconstruction
     * errors. Layer l's seed is {@code seed + l}.
     */
    public double[][] pretrain(double[][] rows, int epochs, int batchSize, double learningRate, int k, boolean persistent,
                               long seed) {
        double[][] errors = new double[layers.length][];
        double[][] input = rows;
        for (int l = 0; l < layers.length; l++) {
            Rbm rbm = layers[l];
            errors[l] = RbmTraining.fit(rbm, input, epochs, batchSize, learningRate, k, persistent, seed + l);
            input = ProfileTraining.apply(rbm, rbm::hiddenProbabilities, input);
        }
        return errors;
    }

    /** The top layer's hidden probabilities for each row of v: [n, last hidden width]. */
    public Tensor encode(Tensor v) {
        Tensor h = v;
        for (Rbm rbm : layers) {
            h = rbm.hiddenProbabilities(h);
        }
        return h;
    }

    /** Up the stack and back down through each layer's E[v|h]. */
    public Tensor reconstruct(Tensor v) {
        Tensor h = encode(v);
        for (int l = layers.length - 1; l >= 0; l--) {
            h = layers[l].visibleMean(h);
        }
        return h;
    }

    /** The fine-tuning loss: the mean squared error of the unrolled reconstruction. */
    public Tensor reconstructionLoss(Tensor v) {
        return Losses.mse(reconstruct(v), v);
    }
}

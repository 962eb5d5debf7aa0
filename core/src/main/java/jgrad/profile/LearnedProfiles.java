package jgrad.profile;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.random.PhiloxRandom;
import jgrad.segment.Pca;
import jgrad.tensor.Tensor;

/**
 * Learns each customer's profile code from feature rows with an {@link Autoencoder} trained on the given device,
 * and measures it against the linear baseline: the mean squared reconstruction error of the autoencoder beside
 * that of PCA keeping as many components as the code has numbers, on the same rows.
 */
public final class LearnedProfiles {

    /** The codes ({@code rows × code}), the training curve, and both reconstruction errors. */
    public record Result(double[][] codes, double[] epochLosses, double autoencoderError, double pcaError) {
    }

    /** A VAE's codes (the means μ), training curve, −ELBO's two terms on all rows, and rows sampled from it. */
    public record VaeResult(double[][] codes, double[] epochLosses, double reconstruction, double kl,
                            double[][] samples) {

        /** The evidence lower bound per row (without the Gaussian constants): −(reconstruction + KL). */
        public double elbo() {
            return -(reconstruction + kl);
        }
    }

    /** A DBN's codes, each layer's pretraining errors, the unrolled reconstruction error before and after fine-tuning. */
    public record DbnResult(double[][] codes, double[][] pretrainingErrors, double pretrainedError, double fineTunedError,
                            double pcaError) {
    }

    private LearnedProfiles() {
    }

    /**
     * A DBN with Gaussian visible units over standardized rows: greedy CD-1 pretraining ({@code epochs} per layer,
     * SGD), then {@code fineTuneEpochs} of Adam on the unrolled autoencoder's reconstruction error.
     */
    public static DbnResult dbn(double[][] rows, int[] hidden, int epochs, int fineTuneEpochs, int batchSize,
                                double learningRate, long seed, Device device) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("learning profiles needs at least 2 rows, got " + rows.length);
        }
        Dbn dbn = new Dbn(rows[0].length, hidden, Rbm.Visible.GAUSSIAN, DType.F32, new PhiloxRandom(seed, 0));
        dbn.to(device);
        double[][] pretraining = dbn.pretrain(rows, epochs, batchSize, learningRate, 1, false, seed);
        double before = mse(rows, ProfileTraining.apply(dbn, dbn::reconstruct, rows));
        ProfileTraining.fit(dbn, dbn::reconstructionLoss, rows, fineTuneEpochs, batchSize, 1e-3, seed + 100);
        double after = mse(rows, ProfileTraining.apply(dbn, dbn::reconstruct, rows));
        double pca = Pca.fit(rows, hidden[hidden.length - 1]).reconstructionError(rows);
        return new DbnResult(ProfileTraining.apply(dbn, dbn::encode, rows), pretraining, before, after, pca);
    }

    private static double mse(double[][] a, double[][] b) {
        double s = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                s += (a[r][c] - b[r][c]) * (a[r][c] - b[r][c]);
            }
        }
        return s / ((double) a.length * a[0].length);
    }

    /** Trains a {@link Vae} of one hidden layer on the rows and reports its ELBO; {@code samples} rows are drawn. */
    public static VaeResult vae(double[][] rows, TabularLayout layout, int hidden, int code, int epochs, int batchSize,
                                double learningRate, long seed, Device device, int samples) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("learning profiles needs at least 2 rows, got " + rows.length);
        }
        if (rows[0].length != layout.width()) {
            throw new IllegalArgumentException("rows of " + rows[0].length + " features for a layout of " + layout.width());
        }
        Vae vae = new Vae(layout, hidden, code, DType.F32, new PhiloxRandom(seed, 0));
        vae.to(device);
        PhiloxRandom noise = new PhiloxRandom(seed, 2);
        double[] losses = ProfileTraining.fit(vae, x -> vae.loss(x, noise), rows, epochs, batchSize, learningRate, seed);
        double[] terms = ProfileTraining.apply(vae, x -> {
            Vae.Terms t = vae.terms(x, vae.noise(x.shape(0), noise));
            return Tensor.stack(0, t.reconstruction(), t.kl()).reshape(1, 2);
        }, rows)[0];
        return new VaeResult(ProfileTraining.apply(vae, vae::encodeMean, rows), losses, terms[0], terms[1],
                vae.sample(samples, new PhiloxRandom(seed, 3)));
    }

    /**
     * @param hidden the encoder's hidden widths (mirrored in the decoder)
     * @param corruption the denoising rate (0: plain autoencoder)
     */
    public static Result autoencoder(double[][] rows, int[] hidden, int code, double corruption, int epochs,
                                     int batchSize, double learningRate, long seed, Device device) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("learning profiles needs at least 2 rows, got " + rows.length);
        }
        int width = rows[0].length;
        if (code < 1 || code > width) {
            throw new IllegalArgumentException("the code width must be between 1 and the " + width + " features, got "
                    + code);
        }
        RandomGenerator init = new PhiloxRandom(seed, 0);
        Autoencoder ae = new Autoencoder(width, hidden, code, corruption, DType.F32, init);
        ae.to(device);
        double[] losses = ProfileTraining.fit(ae, ae::loss, rows, epochs, batchSize, learningRate, seed);
        double[][] rebuilt = ProfileTraining.apply(ae, ae::reconstruct, rows);
        double error = mse(rows, rebuilt);
        double pca = Pca.fit(rows, code).reconstructionError(rows);
        return new Result(ProfileTraining.apply(ae, ae::encode, rows), losses, error, pca);
    }
}

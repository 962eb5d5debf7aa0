package jgrad.profile;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.random.PhiloxRandom;
import jgrad.segment.Pca;

/**
 * Learns each customer's profile code from feature rows with an {@link Autoencoder} trained on the given device,
 * and measures it against the linear baseline: the mean squared reconstruction error of the autoencoder beside
 * that of PCA keeping as many components as the code has numbers, on the same rows.
 */
public final class LearnedProfiles {

    /** The codes ({@code rows × code}), the training curve, and both reconstruction errors. */
    public record Result(double[][] codes, double[] epochLosses, double autoencoderError, double pcaError) {
    }

    private LearnedProfiles() {
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
        double error = 0;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < width; c++) {
                double d = rows[r][c] - rebuilt[r][c];
                error += d * d;
            }
        }
        error /= (double) rows.length * width;
        double pca = Pca.fit(rows, code).reconstructionError(rows);
        return new Result(ProfileTraining.apply(ae, ae::encode, rows), losses, error, pca);
    }
}

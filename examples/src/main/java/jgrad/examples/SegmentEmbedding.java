package jgrad.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import jgrad.profile.LearnedProfiles;

/**
 * {@code segment}'s {@code --embed}: the raw features, or the codes of an autoencoder trained on them
 * ({@code --code N --epochs N --corruption P}), reported beside PCA with as many components.
 */
record SegmentEmbedding(String kind, int code, int epochs, double corruption) {

    private static final int[] HIDDEN = {32};
    private static final int BATCH = 64;
    private static final double LEARNING_RATE = 1e-3;

    static SegmentEmbedding parse(Map<String, String> o) {
        String kind = o.getOrDefault("--embed", "raw");
        if (!kind.equals("raw") && !kind.equals("ae")) {
            throw new UsageException("--embed must be raw (the standardized, one-hot features) or ae (an autoencoder's"
                    + " code), got '" + kind + "'; vae and dbn are not there yet");
        }
        if (kind.equals("raw") && (o.containsKey("--code") || o.containsKey("--epochs") || o.containsKey("--corruption"))) {
            throw new UsageException("--code, --epochs and --corruption set the autoencoder: they need --embed ae");
        }
        int code = o.containsKey("--code") ? Main.positiveInt("--code", o.get("--code")) : 8;
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : 30;
        double corruption = o.containsKey("--corruption") ? rate(o.get("--corruption")) : 0;
        return new SegmentEmbedding(kind, code, epochs, corruption);
    }

    private static double rate(String text) {
        try {
            double p = Double.parseDouble(text);
            if (p >= 0 && p < 1) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the explanation
        }
        throw new UsageException("--corruption must be a rate in [0, 1), got '" + text + "'");
    }

    /** The rows k-means will cluster; an autoencoder's training and its comparison with PCA are printed. */
    double[][] embed(double[][] features, long seed, PrintStream out) {
        if (kind.equals("raw")) {
            return features;
        }
        long start = System.nanoTime();
        LearnedProfiles.Result r = LearnedProfiles.autoencoder(features, HIDDEN, code, corruption, epochs, BATCH,
                LEARNING_RATE, seed, BackendOption.device());
        int width = features[0].length;
        out.printf(Locale.ROOT, "%sautoencoder %d -> %d -> %d -> %d -> %d, %d epochs (Adam %.0e, batch %d, %.1f s): loss %.4f"
                        + " -> %.4f%n", corruption > 0 ? "denoising (p = " + corruption + ") " : "", width, HIDDEN[0], code,
                HIDDEN[0], width, epochs, LEARNING_RATE, BATCH, (System.nanoTime() - start) / 1e9, r.epochLosses()[0],
                r.epochLosses()[epochs - 1]);
        out.printf(Locale.ROOT, "reconstruction MSE of the features: autoencoder %.4f, PCA with %d components %.4f%n%n",
                r.autoencoderError(), code, r.pcaError());
        return r.codes();
    }

    String describe() {
        return kind.equals("raw") ? "raw" : "autoencoder code of " + code;
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import jgrad.profile.FeatureRows;
import jgrad.profile.NumericRanges;
import jgrad.profile.LearnedProfiles;
import jgrad.segment.Segmentation;

/**
 * {@code segment}'s {@code --embed}: the raw features, or the codes of an autoencoder, a VAE or a deep belief net
 * trained on them ({@code --code N --epochs N}, {@code --corruption P} for a denoising autoencoder), reported
 * beside PCA with as many components.
 */
record SegmentEmbedding(String kind, int code, int epochs, double corruption) {

    private static final int[] HIDDEN = {32};
    private static final int BATCH = 64;
    private static final double LEARNING_RATE = 1e-3;
    private static final int SAMPLES = 3;
    private static final double DBN_LEARNING_RATE = 0.01;

    static SegmentEmbedding parse(Map<String, String> o) {
        String kind = o.getOrDefault("--embed", "raw");
        if (!kind.equals("raw") && !kind.equals("ae") && !kind.equals("vae") && !kind.equals("dbn")) {
            throw new UsageException("--embed must be raw (the standardized, one-hot features), ae (an autoencoder's"
                    + " code), vae (a variational autoencoder's mean code) or dbn (a deep belief net's top layer), got '"
                    + kind + "'");
        }
        if (kind.equals("raw") && (o.containsKey("--code") || o.containsKey("--epochs") || o.containsKey("--corruption"))) {
            throw new UsageException("--code, --epochs and --corruption set the autoencoder: they need --embed ae");
        }
        if (!kind.equals("ae") && o.containsKey("--corruption")) {
            throw new UsageException("--corruption makes the autoencoder denoising: it needs --embed ae, not " + kind);
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
    double[][] embed(Segmentation.Features f, long seed, PrintStream out) {
        double[][] features = f.rows();
        if (kind.equals("raw")) {
            return features;
        }
        if (kind.equals("vae")) {
            return vae(f, seed, out);
        }
        if (kind.equals("dbn")) {
            return dbn(features, seed, out);
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

    private double[][] vae(Segmentation.Features f, long seed, PrintStream out) {
        long start = System.nanoTime();
        LearnedProfiles.VaeResult r = LearnedProfiles.vae(f.rows(), FeatureRows.layoutOf(f.fitted()), HIDDEN[0], code,
                epochs, BATCH, LEARNING_RATE, seed, BackendOption.device(), SAMPLES);
        int width = f.rows()[0].length;
        out.printf(Locale.ROOT, "VAE %d -> %d -> (mu, log sigma^2) %d -> %d -> %d, %d epochs (Adam %.0e, batch %d, %.1f s):"
                        + " -ELBO per row %.4f -> %.4f%n", width, HIDDEN[0], code, HIDDEN[0], width, epochs, LEARNING_RATE,
                BATCH, (System.nanoTime() - start) / 1e9, r.epochLosses()[0], r.epochLosses()[epochs - 1]);
        out.printf(Locale.ROOT, "on all rows: ELBO %.4f = -(reconstruction %.4f + KL %.4f)  (numbers: unit Gaussian"
                + " without its constant; categories: softmax)%n", r.elbo(), r.reconstruction(), r.kl());
        out.println("rows sampled from the prior (numbers held to their column's range, whole where it was):");
        NumericRanges ranges = FeatureRows.rangesOf(f.fitted(), f.rows());
        for (double[] row : r.samples()) {
            StringBuilder sb = new StringBuilder("   ");
            FeatureRows.decode(f.fitted(), row, ranges).forEach((column, value) -> sb.append(' ').append(column).append('=')
                    .append(value instanceof Double d ? number(d) : value));
            out.println(sb);
        }
        out.println();
        return r.codes();
    }

    /** A sampled number as the data writes it: a whole number without decimals. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private double[][] dbn(double[][] features, long seed, PrintStream out) {
        long start = System.nanoTime();
        LearnedProfiles.DbnResult r = LearnedProfiles.dbn(features, new int[] {HIDDEN[0], code}, epochs, epochs, BATCH,
                DBN_LEARNING_RATE, seed, BackendOption.device());
        int width = features[0].length;
        out.printf(Locale.ROOT, "DBN: RBMs %d (Gaussian) -> %d -> %d, CD-1, SGD %.2f, batch %d, %d epochs each, then %d epochs"
                        + " fine-tuning the unrolled autoencoder (Adam 1e-03) (%.1f s)%n", width, HIDDEN[0], code,
                DBN_LEARNING_RATE, BATCH, epochs, epochs, (System.nanoTime() - start) / 1e9);
        for (int l = 0; l < r.pretrainingErrors().length; l++) {
            double[] e = r.pretrainingErrors()[l];
            out.printf(Locale.ROOT, "  RBM %d reconstruction error %.4f -> %.4f%n", l + 1, e[0], e[e.length - 1]);
        }
        out.printf(Locale.ROOT, "reconstruction MSE of the features: pretrained %.4f, fine-tuned %.4f, PCA with %d"
                + " components %.4f%n%n", r.pretrainedError(), r.fineTunedError(), code, r.pcaError());
        return r.codes();
    }

    String describe() {
        return switch (kind) {
            case "raw" -> "raw";
            case "ae" -> "autoencoder code of " + code;
            case "dbn" -> "DBN top layer of " + code;
            default -> "VAE mean code of " + code;
        };
    }
}

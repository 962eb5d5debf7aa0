package jgrad.nn.loss;

import java.util.Locale;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The losses, each the mean over the batch as a differentiable scalar:
 * <ul>
 *   <li>MSE: (1/n) Σ (y − t)² over all n elements;</li>
 *   <li>softmax cross-entropy from logits and integer labels ({@link SoftmaxCrossEntropy});</li>
 *   <li>binary cross-entropy from logits: −(1/n) Σ [t ln σ(z) + (1 − t) ln(1 − σ(z))]
 *       = (1/n) Σ [softplus(z) − t z], finite for any z (|z| = 100 included); ∂/∂z = (σ(z) − t)/n;</li>
 *   <li>BPR (Rendle et al.): −(1/n) Σ ln σ(x̂_ui − x̂_uj) = (1/n) Σ softplus(x̂_uj − x̂_ui), for the
 *       scores of a positive item i and a sampled negative j of each user u.</li>
 * </ul>
 */
public final class Losses {

    private Losses() {
    }

    public static Tensor mse(Tensor y, Tensor t) {
        requireSameShape("mse", "prediction", y, "target", t);
        Tensor diff = y.sub(t);
        return diff.mul(diff).mean();
    }

    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor labels) {
        return SoftmaxCrossEntropy.of(logits, labels);
    }

    public static Tensor binaryCrossEntropy(Tensor z, Tensor t) {
        requireSameShape("binary cross-entropy", "logits", z, "target", t);
        return Softplus.of(z).sub(t.mul(z)).mean();
    }

    public static Tensor bpr(Tensor positiveScores, Tensor negativeScores) {
        requireSameShape("bpr", "positive scores", positiveScores, "negative scores", negativeScores);
        return Softplus.of(negativeScores.sub(positiveScores)).mean();
    }

    /** The loss of a name: "mse", "softmax_cross_entropy", "bce", "bpr" (the last three take logits or scores, not probabilities). */
    public static Loss byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mse" -> Losses::mse;
            case "softmax_cross_entropy" -> Losses::softmaxCrossEntropy;
            case "bce" -> Losses::binaryCrossEntropy;
            case "bpr" -> Losses::bpr;
            default -> throw new IllegalArgumentException("unknown loss '" + name
                    + "' (known: mse, softmax_cross_entropy, bce, bpr)");
        };
    }

    private static void requireSameShape(String loss, String aName, Tensor a, String bName, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(loss + ": " + aName + " has shape " + Shapes.format(a.shape()) + " but "
                    + bName + " has shape " + Shapes.format(b.shape()));
        }
        if (a.numel() == 0) {
            throw new IllegalArgumentException(loss + ": empty batch (shape " + Shapes.format(a.shape()) + ")");
        }
    }
}

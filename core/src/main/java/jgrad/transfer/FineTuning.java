package jgrad.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jgrad.autograd.Autograd;
import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * Fine-tuning a model by layer: a layer is a direct child of the model, named as in its parameter paths
 * ({@code "1"} for {@code 1.W}, {@code 1.b} in a Sequential; {@code "lstm"} for {@code lstm.W_xf}).
 * <ul>
 * <li>{@link #copyLayers}: the pretrained layers' weights into a new model (e.g. with a new head);</li>
 * <li>{@link #freeze} / {@link #unfreeze}: a frozen layer is not bound to the optimizer, so its weights
 * stay as they are (its gradient is still computed where a layer below is trained);</li>
 * <li>{@link #learningRate}: a layer's rate as a multiple of the optimizer's, e.g. 0.1 for pretrained
 * layers under a new head at 1.</li>
 * </ul>
 * {@link #bind} binds an optimizer to the trainable parameters with those rates; give it to
 * {@code KerasModel.compile} (which keeps an optimizer's binding) or step it in an explicit loop. After a
 * change of what is frozen, bind a new optimizer.
 */
public final class FineTuning {

    private final Module model;
    private final Set<String> frozen = new HashSet<>();
    private final Map<String, Double> rates = new LinkedHashMap<>();

    private FineTuning(Module model) {
        this.model = model;
    }

    public static FineTuning of(Module model) {
        return new FineTuning(model);
    }

    /** The model's layers (its direct children that hold parameters), in order. */
    public List<String> layers() {
        Set<String> names = new LinkedHashSet<>();
        for (String path : model.parameters().keySet()) {
            names.add(layerOf(path));
        }
        return List.copyOf(names);
    }

    public FineTuning freeze(String... layers) {
        frozen.addAll(known(layers));
        return this;
    }

    public FineTuning unfreeze(String... layers) {
        known(layers).forEach(frozen::remove);
        return this;
    }

    public boolean isFrozen(String layer) {
        return frozen.contains(known(layer).getFirst());
    }

    /** The layer's learning rate as {@code factor} × the optimizer's. */
    public FineTuning learningRate(String layer, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("learning-rate factor of layer '" + layer + "' must be positive and"
                    + " finite, got " + factor);
        }
        rates.put(known(layer).getFirst(), factor);
        return this;
    }

    /** The parameters of the layers that are not frozen, by path. */
    public Map<String, Tensor> trainable() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        model.parameters().forEach((path, t) -> {
            if (!frozen.contains(layerOf(path))) {
                out.put(path, t);
            }
        });
        return out;
    }

    /** Binds {@code optimizer} to {@link #trainable()} with the per-layer rates; returns it. */
    public Optimizer bind(Optimizer optimizer) {
        if (!optimizer.parameters().isEmpty()) {
            throw new IllegalArgumentException("bind: the optimizer is already bound to "
                    + optimizer.parameters().size() + " parameters; give a fresh one");
        }
        Map<String, Tensor> trainable = trainable();
        if (trainable.isEmpty()) {
            throw new IllegalStateException("bind: every layer is frozen (" + layers() + "); nothing to train");
        }
        optimizer.bind(trainable);
        rates.forEach((layer, factor) -> optimizer.scaleLearningRate(path -> layerOf(path).equals(layer), factor));
        return optimizer;
    }

    /**
     * Copies the weights of {@code layers} from {@code source} into {@code target}, path by path; each
     * parameter must exist in both with the same shape (a mismatch names it and both shapes). Values are
     * converted to the target's dtype and device.
     */
    public static void copyLayers(Module source, Module target, String... layers) {
        Map<String, Tensor> from = source.parameters();
        Map<String, Tensor> to = target.parameters();
        Set<String> wanted = new HashSet<>(Arrays.asList(layers));
        List<String> copied = new ArrayList<>();
        try (var _ = Autograd.noGrad()) {
            for (Map.Entry<String, Tensor> e : from.entrySet()) {
                if (!wanted.contains(layerOf(e.getKey()))) {
                    continue;
                }
                Tensor dst = to.get(e.getKey());
                if (dst == null || !Arrays.equals(dst.shape(), e.getValue().shape())) {
                    throw new IllegalArgumentException("copyLayers: parameter '" + e.getKey() + "' has shape "
                            + Arrays.toString(e.getValue().shape()) + " in the source but "
                            + (dst == null ? "is absent from the target" : Arrays.toString(dst.shape()) + " in the target"));
                }
                dst.copyFrom(e.getValue().to(dst.dtype()).to(dst.device()).copy());
                copied.add(layerOf(e.getKey()));
            }
        }
        for (String layer : layers) {
            if (!copied.contains(layer)) {
                throw new IllegalArgumentException("copyLayers: the source has no layer '" + layer + "'");
            }
        }
    }

    private List<String> known(String... layers) {
        List<String> all = layers();
        for (String l : layers) {
            if (!all.contains(l)) {
                throw new IllegalArgumentException("no layer '" + l + "' in the model; its layers are " + all);
            }
        }
        return List.of(layers);
    }

    private static String layerOf(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}

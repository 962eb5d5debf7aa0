package jgrad.privacy.dp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jgrad.nn.Layer;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/** A chain of layers (a model, or a Sequential used as one layer of another): its layers' readers in order. */
final class SequentialExamples implements ExampleGradients {

    private final List<ExampleGradients> layers;

    /** @param prefix how the layers are named in errors ("" for the model, "layer 2 → " for a nested one) */
    SequentialExamples(Sequential model, String prefix) {
        List<Layer> ls = model.layers();
        List<ExampleGradients> readers = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            readers.add(PerExampleLayers.of(ls.get(i), prefix + "layer " + i));
        }
        this.layers = List.copyOf(readers);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (ExampleGradients l : layers) {
            h = l.forward(h);
        }
        return h;
    }

    @Override
    public Tensor squaredNorms() {
        return squaredNorms(layers);
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        return clippedSums(layers, factors);
    }

    /** The sum over parts whose parameters are disjoint, or null when no part has parameters. */
    static Tensor squaredNorms(List<ExampleGradients> parts) {
        Tensor total = null;
        for (ExampleGradients l : parts) {
            Tensor n = l.squaredNorms();
            if (n != null) {
                total = total == null ? n : total.add(n);
            }
        }
        return total;
    }

    /** Every part's clipped sums in one map (the parameters are disjoint). */
    static Map<Tensor, Tensor> clippedSums(List<ExampleGradients> parts, Tensor factors) {
        Map<Tensor, Tensor> sums = new IdentityHashMap<>();
        for (ExampleGradients l : parts) {
            sums.putAll(l.clippedSums(factors));
        }
        return sums;
    }
}

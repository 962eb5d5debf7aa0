package jgrad.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.nn.Config;
import jgrad.io.LayerRegistry;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.tensor.Tensor;

/**
 * Layers applied one after the other: y = fₙ(…f₂(f₁(x))). Layer i's parameters are named
 * {@code i.NAME} (PyTorch's convention), e.g. {@code 0.W}, {@code 1.b}. It is a {@link Layer} itself,
 * so a Sequential can be one stage of another model, and it is saved and rebuilt as
 * {@code {"type": "Sequential", "config": {"layers": [{"type": …, "config": …}, …]}}}. A {@link Conv2D}
 * followed by a {@link MaxPool2D} runs as {@link Conv2D#forward(Tensor, MaxPool2D)}: the same numbers, one op.
 */
public final class Sequential extends KerasModel implements Layer {

    private final List<Layer> layers = new ArrayList<>();

    public Sequential(Layer... layers) {
        for (Layer l : layers) {
            add(l);
        }
    }

    /** Appends a layer; returns this. */
    public Sequential add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("Sequential.add: null layer at position " + layers.size());
        }
        if (layer instanceof Module m) {
            child(String.valueOf(layers.size()), m);
        }
        layers.add(layer);
        return this;
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Conv2D conv && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof MaxPool2D pool) {
                h = conv.forward(h, pool);
                i++;
            } else {
                h = layers.get(i).forward(h);
            }
        }
        return h;
    }

    @Override
    public Tensor call(List<Tensor> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Sequential takes one input, got " + inputs.size());
        }
        return forward(inputs.get(0));
    }

    @Override
    public String type() {
        return "Sequential";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("layers", layers.stream().map(LayerRegistry::describe).toList());
        return c;
    }

    /** The factory registered under "Sequential". */
    public static Sequential fromConfig(Map<String, Object> config) {
        Sequential s = new Sequential();
        for (Object spec : new Config("Sequential", config).getList("layers")) {
            s.add(LayerRegistry.create(spec, Layer.class));
        }
        return s;
    }
}

package jgrad.nn;

import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * A module with one input and one output: the unit that {@code Sequential} chains and that a model
 * file can rebuild. {@link #type()} and {@link #config()} describe it without its weights
 * (the weights are its {@link Module#parameters()}).
 */
public interface Layer {

    Tensor forward(Tensor x);

    /** The name under which the layer is registered for rebuilding, e.g. "Dense". */
    String type();

    /**
     * The constructor arguments that rebuild this layer: values are numbers, strings, booleans or
     * lists of them (JSON-writable, see {@link jgrad.io.Json}).
     */
    Map<String, Object> config();
}

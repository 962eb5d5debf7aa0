package jgrad.nn;

import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * A layer that joins several inputs into one output (Keras's Concatenate and Dot): the node of a
 * functional graph with several inputs. {@link #type()} and {@link #config()} rebuild it, as for
 * {@link Layer}.
 */
public interface MergeLayer {

    Tensor forward(Tensor... inputs);

    String type();

    Map<String, Object> config();
}

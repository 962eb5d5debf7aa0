package jgrad.nn;

import java.util.List;
import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * A layer that joins several inputs into one output (Keras's Concatenate and Dot): the node of a
 * functional graph with several inputs. {@link #type()} and {@link #config()} rebuild it, as for
 * {@link Layer}.
 */
public interface MergeLayer {

    Tensor forward(Tensor... inputs);

    /** The same, for callers that hold the inputs in a list. */
    default Tensor forward(List<Tensor> inputs) {
        return forward(inputs.toArray(new Tensor[0]));
    }

    String type();

    Map<String, Object> config();
}

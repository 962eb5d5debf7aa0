package jgrad.train;

import java.util.List;

import jgrad.io.Describable;
import jgrad.tensor.Tensor;

/**
 * A layer of several inputs in a functional {@link Model} (concatenate, dot, add): the counterpart of
 * the single-input {@link jgrad.nn.Layer}. Register it in the {@link jgrad.io.LayerRegistry} like a layer.
 */
public interface Merge extends Describable {

    Tensor forward(List<Tensor> inputs);
}

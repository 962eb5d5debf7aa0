package jgrad.interop;

import java.util.List;
import java.util.Map;

import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * A PyTorch architecture and the jgrad model that computes the same function: how to build that model with
 * the sizes the PyTorch tensors imply, the name mapping between the two, and how to compute each of the
 * fixture's named outputs from its named inputs.
 */
public interface Architecture {

    /** A short name for messages, e.g. {@code Linear-ReLU-Linear MLP}. */
    String describe();

    /** Whether this architecture is the one listed as {@code layerTypes} (PyTorch module types, in order). */
    boolean matches(List<String> layerTypes);

    /** The jgrad model, sized from the PyTorch weights' shapes (its initial values are overwritten by loading). */
    Module build(Map<String, Tensor> torchWeights, DType dtype);

    /** The name mapping of {@link #build}'s model. */
    TorchMapping mapping();

    /** The outputs, by the fixture's names, of {@code model} (weights loaded, evaluation mode) on the inputs. */
    Map<String, Tensor> outputs(Module model, Map<String, Tensor> inputs);
}

package jgrad.privacy.dp;

import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * How DP-SGD reads one layer's per-example gradients: the layer's forward with its parameters detached and zero
 * "probes" added where the gradient with respect to a pre-activation is needed; after the backward of the summed
 * loss, the probes' gradients and the saved inputs give each example's squared gradient norm and the clipped sum,
 * without one gradient per example where a norm can be had without it.
 */
interface ExampleGradients {

    /** The layer's output for x, recording what the per-example gradients need (a new batch each call). */
    Tensor forward(Tensor x);

    /** ‖gᵢ‖² of this layer's parameters for each example of the last batch [B], after the backward. */
    Tensor squaredNorms();

    /** Σᵢ cᵢ gᵢ for each of the layer's parameters (the map's keys), in the parameter's shape. */
    Map<Tensor, Tensor> clippedSums(Tensor factors);
}

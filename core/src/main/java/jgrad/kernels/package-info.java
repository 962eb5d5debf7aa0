/**
 * The kernels of the sequence layers: layers describe the math, kernels compute it. A layer of
 * {@code jgrad.nn.layers} states its formula and names its parameters; the kernel here runs that
 * formula over a whole sequence as one recorded op with a hand-written backward, through the
 * {@link jgrad.backend.Backend} of its input's device, with scratch buffers from a {@link Workspace}
 * kept between calls. Only the entry points the layers call are public; the package is internal.
 */
package jgrad.kernels;

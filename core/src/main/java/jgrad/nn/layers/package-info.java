/**
 * The layers of the articles, each with its formula in its Javadoc and its parameters named with
 * the formula's symbols. Every layer computes from a map of weights ({@code forward(weights, ...)}),
 * its own {@code parameters()} by default, so that gradient checks and golden cases can supply theirs.
 */
package jgrad.nn.layers;

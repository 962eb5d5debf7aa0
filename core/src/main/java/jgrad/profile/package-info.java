/**
 * Customer profiles learned from tabular features (seed 000 §2.1, §3.1): a dense autoencoder and its
 * denoising variant, whose bottleneck code is a compact profile of each customer, and the loop that
 * trains such a model on the rows of a {@code double[][]} in mini-batches on the model's device.
 */
package jgrad.profile;

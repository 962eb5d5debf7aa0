/** Losses on logits and scores, each a differentiable mean over the batch, stable for large logits. */
package jgrad.nn.loss;

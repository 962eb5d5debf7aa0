/**
 * The pieces of a Transformer block as SASRec uses them: {@link jgrad.nn.transformer.MultiHeadAttention}
 * (causal and padding masks), {@link jgrad.nn.transformer.PositionalEmbedding} (learned), and
 * {@link jgrad.nn.transformer.TransformerBlock} (point-wise feed-forward, residual connections, dropout,
 * layer normalization before or after each sublayer).
 */
package jgrad.nn.transformer;

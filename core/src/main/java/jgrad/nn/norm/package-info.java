/**
 * Normalization layers: {@link jgrad.nn.norm.LayerNorm} over the last axis and {@link jgrad.nn.norm.BatchNorm}
 * over every axis but the channels, with running statistics kept as module buffers.
 */
package jgrad.nn.norm;

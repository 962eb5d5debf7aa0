/**
 * Convolution and pooling over channels-first data: {@link jgrad.nn.conv.Conv1D},
 * {@link jgrad.nn.conv.Conv2D} (stride, "valid"/"same"/explicit padding, dilation), {@link jgrad.nn.conv.MaxPool2D},
 * {@link jgrad.nn.conv.AvgPool2D}, {@link jgrad.nn.conv.GlobalAveragePooling}. Windows are unfolded by the
 * backend's im2col into a column matrix, so a convolution is one GEMM with the packed kernel.
 */
package jgrad.nn.conv;

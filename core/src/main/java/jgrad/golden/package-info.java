/**
 * The golden-case runner: reproduces outputs and gradients that an independent float64
 * implementation computed (format: {@code shared/spec/golden-format.md}); entry point {@link jgrad.golden.GoldenRunner}.
 */
package jgrad.golden;

/**
 * The Vector API backend ({@code jdk.incubator.vector}): {@link jgrad.backend.simd.SimdBackend} and
 * its kernels, one file per responsibility (GEMM driver, the threads' shared-panel GEMM, packing
 * and micro-kernel; elementwise maps; reductions and softmax; exp, log, tanh and sigmoid built from
 * exactly rounded vector operations, so that no result depends on whether the JIT has compiled a
 * kernel; memory moves; the thread pool). Classes here are loaded only when the incubator module is
 * readable, so nothing outside this package may refer to them directly.
 */
package jgrad.backend.simd;

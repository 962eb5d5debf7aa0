/**
 * Counter-based random numbers: Philox-4x32-10 (J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw,
 * "Parallel random numbers: as easy as 1, 2, 3", SC 2011), so that a seed gives the same bits on every
 * backend (scalar, SIMD, CUDA, CUDA emulated on the CPU).
 *
 * <p>{@link jgrad.random.Philox} is the pure function (a 128-bit counter and a 64-bit key in, 128 bits
 * out) and the stateless draws derived from it, each a function of {@code (seed, index)} alone, which a
 * kernel thread computes for its own element with no shared state; {@code src/main/cuda/philox.cuh}
 * of the cuda-kernels module is their twin, bit for bit. {@link jgrad.random.PhiloxRandom} is a
 * seeded, streaming {@link java.util.random.RandomGenerator} over the same blocks, for the APIs that
 * take a generator (initializers, samplers, shuffles).
 *
 * <p>Dropout masks use one formula on every device: element {@code i} of a mask drawn at
 * {@code (seed, offset)} is kept iff {@code uniformFloat(seed, offset + i) >= p} (the float widened
 * to double, p a double), and a kept element is scaled by {@code 1 / (1 − p)} computed in double and
 * rounded once to the tensor's dtype ({@link jgrad.random.Philox#dropoutKeeps}).
 */
package jgrad.random;

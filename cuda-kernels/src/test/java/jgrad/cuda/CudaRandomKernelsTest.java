package jgrad.cuda;

import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.random.Philox;

/**
 * {@link CudaBackend#dropoutMask} and {@link CudaBackend#uniform} (random.cu) on each CUDA driver, against
 * {@link Philox} bit for bit: the same (seed, offset) gives the same mask and the same uniforms on every
 * device, in F32 and F64, with offsets past 2³² and a seed whose top bit is set, written at an offset
 * into a padded buffer.
 */
class CudaRandomKernelsTest {

    private static final int LARGE = 1_100_003;  // more than the largest grid's threads: the loops wrap
    private static final int[] SIZES = {0, 1, 33, 5003, LARGE};
    private static final long[] OFFSETS = {0, (1L << 33) + 5};
    /** The second seed has its top bit set: a negative long, read as unsigned by the kernels. */
    private static final long[] SEEDS = {20260522, 0x9E3779B97F4A7C15L};

    @CudaBackends.OnEach
    void dropoutMasksEqualPhiloxBitForBit(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 1);
        double[] rates = {0.1, 0.5};  // 0.1 is not a float: the comparison must be in double for both dtypes
        for (DType dt : DType.values()) {
            for (int n : SIZES) {
                for (long offset : OFFSETS) {
                    for (long seed : SEEDS) {
                        if (n == LARGE && (offset == 0 || seed == SEEDS[0])) {
                            continue;  // one large case per rate and dtype is enough
                        }
                        for (double p : rates) {
                            Storage want = Storage.onHost(dt, n);
                            for (int i = 0; i < n; i++) {
                                want.set(i, Philox.dropoutKeeps(seed, offset + i, p) ? 1 / (1 - p) : 0);
                            }
                            CudaStorage out = buf.output(dt, n);
                            be.dropoutMask(n, seed, offset, p, out, DeviceBuffers.OFFSET);
                            DeviceBuffers.exactly(name + " dropout mask " + dt + " n=" + n + " offset=" + offset
                                    + " seed=" + seed + " p=" + p, want, buf.values("mask", out, n));
                        }
                    }
                }
            }
        }
    }

    @CudaBackends.OnEach
    void uniformsEqualPhiloxBitForBit(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 2);
        double[][] ranges = {{0, 1}, {-2.5, 3}};
        for (DType dt : DType.values()) {
            for (int n : SIZES) {
                for (long offset : OFFSETS) {
                    for (long seed : SEEDS) {
                        if (n == LARGE && (offset == 0 || seed == SEEDS[0])) {
                            continue;
                        }
                        for (double[] r : ranges) {
                            Storage want = Storage.onHost(dt, n);
                            for (int i = 0; i < n; i++) {
                                want.set(i, dt == DType.F32
                                        ? Philox.uniformFloat(seed, offset + i, (float) r[0], (float) r[1])
                                        : Philox.uniformDouble(seed, offset + i, r[0], r[1]));
                            }
                            CudaStorage out = buf.output(dt, n);
                            be.uniform(n, seed, offset, r[0], r[1], out, DeviceBuffers.OFFSET);
                            DeviceBuffers.exactly(name + " uniform " + dt + " n=" + n + " offset=" + offset + " seed="
                                    + seed + " [" + r[0] + ", " + r[1] + ")", want, buf.values("uniform", out, n));
                        }
                    }
                }
            }
        }
    }
}

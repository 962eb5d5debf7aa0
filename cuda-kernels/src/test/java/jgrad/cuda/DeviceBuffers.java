package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import jgrad.backend.DType;
import jgrad.backend.Storage;

/**
 * Host data for the CUDA tests and its trip through a device: values are placed at an offset inside a
 * device buffer padded with NaN on both sides, so a kernel that ignores an offset, or writes past its
 * range, shows up as a wrong value or as a changed pad.
 */
final class DeviceBuffers {

    /** Where the values start in a padded buffer, and how many pad elements follow them. */
    static final int OFFSET = 3;
    static final int TAIL = 2;

    private final CudaBackend backend;
    private final Random random;

    DeviceBuffers(CudaBackend backend, long seed) {
        this.backend = backend;
        this.random = new Random(seed);
    }

    /** Values in [−3, 3) through {@code shape}; half of them on a grid of quarters so that comparisons meet equality. */
    Storage random(DType dt, int n, DoubleUnaryOperator shape) {
        Storage s = Storage.onHost(dt, n);
        for (int i = 0; i < n; i++) {
            double v = random.nextDouble() * 6 - 3;
            s.set(i, shape.applyAsDouble(random.nextBoolean() ? Math.floor(v * 4) / 4 : v));
        }
        return s;
    }

    Storage random(DType dt, int n) {
        return random(dt, n, v -> v);
    }

    Random rng() {
        return random;
    }

    /** A device buffer holding {@code values} at {@link #OFFSET}, NaN around them. */
    CudaStorage padded(Storage values) {
        int n = values.length();
        Storage host = Storage.onHost(values.dtype(), OFFSET + n + TAIL);
        for (int i = 0; i < host.length(); i++) {
            host.set(i, i >= OFFSET && i < OFFSET + n ? values.get(i - OFFSET) : Double.NaN);
        }
        return backend.upload(host);
    }

    /** A padded device buffer of n NaN (an output the kernel must overwrite). */
    CudaStorage output(DType dt, int n) {
        Storage nan = Storage.onHost(dt, n);
        for (int i = 0; i < n; i++) {
            nan.set(i, Double.NaN);
        }
        return padded(nan);
    }

    /** The n values of a padded buffer, after checking that the pads are still NaN. */
    Storage values(String what, CudaStorage device, int n) {
        Storage all = backend.download(device);
        assertEquals(OFFSET + n + TAIL, all.length(), what + ": buffer length");
        Storage v = Storage.onHost(all.dtype(), n);
        for (int i = 0; i < all.length(); i++) {
            if (i >= OFFSET && i < OFFSET + n) {
                v.set(i - OFFSET, all.get(i));
            } else {
                assertTrue(Double.isNaN(all.get(i)), what + ": the kernel wrote element " + i
                        + " of the buffer, outside its range [" + OFFSET + ", " + (OFFSET + n) + ")");
            }
        }
        return v;
    }

    /**
     * |got − want| ≤ ε·(|want| + scale) elementwise, NaN only where NaN is wanted; ε is a few float ulps for
     * F32 (1e-5 on a GPU, whose math library differs from the host's libm) and 1e-12 for F64.
     */
    static void same(String what, Storage want, Storage got, double scale, boolean gpu) {
        assertEquals(want.length(), got.length(), what + ": length");
        double eps = want.dtype() == DType.F32 || got.dtype() == DType.F32 ? (gpu ? 1e-5 : 2e-6) : 1e-12;
        for (int i = 0; i < want.length(); i++) {
            double w = want.get(i), g = got.get(i);
            boolean ok = Double.isNaN(w) ? Double.isNaN(g) : w == g || Math.abs(g - w) <= eps * (Math.abs(w) + scale);
            if (!ok) {
                fail(what + ": element " + i + " is " + g + ", the reference says " + w);
            }
        }
    }

    /** Bit for bit (NaN equal to NaN). */
    static void exactly(String what, Storage want, Storage got) {
        assertEquals(want.length(), got.length(), what + ": length");
        for (int i = 0; i < want.length(); i++) {
            if (Double.compare(want.get(i), got.get(i)) != 0) {
                fail(what + ": element " + i + " is " + got.get(i) + ", the reference says " + want.get(i));
            }
        }
    }
}

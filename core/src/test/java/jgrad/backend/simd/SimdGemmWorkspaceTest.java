package jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import jgrad.backend.Backends;

/**
 * A server answers each request on a new virtual thread: the GEMM's packing buffers (megabytes) must
 * pass from request to request instead of being made per thread, and the product must not change.
 */
class SimdGemmWorkspaceTest {

    @Test
    void productsOnSuccessiveVirtualThreadsShareOneWorkspaceAndAgree() throws InterruptedException {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "the Vector API is not readable in this run");
        int m = 300, n = 70, k = 90;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 13) / 7f - 0.9f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 11) / 5f - 1.1f;
        }
        float[] onPlatform = new float[m * n];
        SimdGemm.packed(1, false, false, m, n, k, a, 0, k, b, 0, n, 0, onPlatform, 0, n);

        AtomicReference<SimdGemm.Workspace> first = new AtomicReference<>();
        AtomicReference<SimdGemm.Workspace> second = new AtomicReference<>();
        float[][] results = new float[2][m * n];
        for (int r = 0; r < 2; r++) {
            int run = r;
            Thread t = Thread.ofVirtual().start(() -> {
                SimdGemm.packed(1, false, false, m, n, k, a, 0, k, b, 0, n, 0, results[run], 0, n);
                SimdGemm.Workspace ws = SimdGemm.workspace();
                (run == 0 ? first : second).set(ws);
                SimdGemm.release(ws);
            });
            t.join();
        }
        assertSame(first.get(), second.get());
        assertArrayEquals(onPlatform, results[0]);
        assertArrayEquals(onPlatform, results[1]);
    }
}

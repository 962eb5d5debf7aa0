package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jgrad.backend.BinaryOp;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.ReduceOp;
import jgrad.backend.ScalarBackend;
import jgrad.backend.Storage;
import org.junit.jupiter.api.Test;

/**
 * What the emulation itself guarantees: every kernel of src/main/cuda is exported, a kernel breaking the
 * barrier rules fails loudly naming itself, launches the emulation refuses are errors, grid-stride loops
 * are right under any launch shape, device memory refuses host access and round-trips through explicit
 * copies.
 */
class EmulatorTest {

    private static final Pattern GLOBAL = Pattern.compile("__global__\\s+void\\s+(\\w+?)(_##S)?\\s*\\(");

    /** Each {@code __global__} function of the .cu sources, with {@code name_##S} standing for its f32 and f64 twins. */
    private static Set<String> kernelsInSources() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/cuda"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cu")).toList()) {
                Matcher m = GLOBAL.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(2) != null) {
                        names.add(m.group(1) + "_f32");
                        names.add(m.group(1) + "_f64");
                    } else {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyKernelOfTheSourcesIsExported() throws IOException {
        CudaBackends.emulated();
        Map<String, Boolean> exported = EmulatedDriver.exportedKernels();
        Set<String> sources = kernelsInSources();
        assertTrue(sources.size() >= 40, "found only " + sources);
        Set<String> missing = new TreeSet<>(sources);
        missing.removeAll(exported.keySet());
        assertTrue(missing.isEmpty(), "kernels missing from the table in cuda_emu_exports.cpp: " + missing);
        for (String k : exported.keySet()) {
            assertTrue(sources.contains(k) || k.startsWith("emu_"), "exported but not in src/main/cuda: " + k);
        }
        assertTrue(exported.get("softmax_f32") && !exported.get("binary_f64"), "barrier flags: " + exported);
    }

    private static EmulatedDriver driver() {
        CudaBackends.emulated();
        return EmulatedDriver.open();
    }

    @Test
    void aBarrierInAKernelListedAsBarrierFreeFailsNamingIt() {
        EmulatedDriver d = driver();
        DeviceMemory out = d.allocate(4 * 64);
        CudaException e = assertThrows(CudaException.class,
                () -> d.launch("emu_unlisted_sync", 1, 64, new KernelArg.Pointer(out, 0)));
        assertTrue(e.getMessage().contains("kernel emu_unlisted_sync called __syncthreads() but the exports table"),
                e.getMessage());
    }

    @Test
    void aBarrierNotEveryThreadReachesIsReported() {
        EmulatedDriver d = driver();
        DeviceMemory out = d.allocate(4 * 64);
        CudaException e = assertThrows(CudaException.class,
                () -> d.launch("emu_divergent_sync", 2, 64, new KernelArg.Pointer(out, 0)));
        assertTrue(e.getMessage().contains("divergent __syncthreads in kernel emu_divergent_sync, block (0,0,0)"),
                e.getMessage());
        // the emulation is still usable after a failed launch
        CudaBackend be = CudaBackends.emulated();
        CudaStorage x = be.upload(new Storage.F32(new float[] {1, 2, 3}));
        CudaStorage y = be.allocate(DType.F32, 3);
        be.softmax(1, 3, x, 0, y, 0, false);
        Storage got = be.download(y);
        assertEquals(1, got.get(0) + got.get(1) + got.get(2), 1e-6);
    }

    @Test
    void refusedLaunchesAreErrors() {
        EmulatedDriver d = driver();
        DeviceMemory out = d.allocate(4);
        CudaException unknown = assertThrows(CudaException.class, () -> d.launch("no_such_kernel", 1, 32));
        assertTrue(unknown.getMessage().contains("no kernel named no_such_kernel"), unknown.getMessage());
        CudaException empty = assertThrows(CudaException.class,
                () -> d.launch("fill_f32", 0, 32, new KernelArg.Int(1), new KernelArg.Pointer(out, 0), new KernelArg.Float(1)));
        assertTrue(empty.getMessage().contains("invalid launch configuration"), empty.getMessage());
        assertThrows(CudaException.class,
                () -> d.launch("fill_f32", 1, 2048, new KernelArg.Int(1), new KernelArg.Pointer(out, 0), new KernelArg.Float(1)));
        assertThrows(IndexOutOfBoundsException.class,
                () -> d.launch("fill_f32", 1, 32, new KernelArg.Int(1), new KernelArg.Pointer(out, 8), new KernelArg.Float(1)));
    }

    /** Grid-stride and block-stride loops under launch shapes CudaBackend does not pick. */
    @Test
    void kernelsAreRightUnderAnyLaunchShape() {
        EmulatedDriver d = driver();
        ScalarBackend ref = new ScalarBackend();
        DeviceBuffers buf = new DeviceBuffers(CudaBackends.emulated(), 3);
        for (int[] shape : new int[][] {{1, 32}, {3, 32}, {2, 64}, {5, 128}, {1, 1}, {7, 3}}) {
            for (int n : new int[] {1, 33, 1021}) {
                Storage a = buf.random(DType.F64, n), b = buf.random(DType.F64, n), want = Storage.onHost(DType.F64, n);
                ref.binary(BinaryOp.SUB, n, a, 0, 1, b, 0, 1, want, 0);
                CudaStorage da = CudaBackends.emulated().upload(a), db = CudaBackends.emulated().upload(b);
                CudaStorage out = CudaBackends.emulated().allocate(DType.F64, n);
                d.launch("binary_f64", shape[0], shape[1], new KernelArg.Int(BinaryOp.SUB.ordinal()), new KernelArg.Int(n),
                        da.at(0), new KernelArg.Int(1), db.at(0), new KernelArg.Int(1), out.at(0));
                DeviceBuffers.exactly("binary " + n + " <<<" + shape[0] + ", " + shape[1] + ">>>", want,
                        CudaBackends.emulated().download(out));
                int rows = 3;
                Storage x = buf.random(DType.F64, rows * n), sums = Storage.onHost(DType.F64, rows);
                ref.reduce(ReduceOp.SUM, rows, n, 1, x, 0, sums, 0);
                CudaStorage dxs = CudaBackends.emulated().upload(x), dsums = CudaBackends.emulated().allocate(DType.F64, rows);
                if (Integer.bitCount(shape[1]) == 1) {  // the block reduction needs a power-of-two block
                    d.launch("reduce_rows_f64", shape[0], shape[1], new KernelArg.Int(0), new KernelArg.Int(rows),
                            new KernelArg.Int(n), dxs.at(0), dsums.at(0));
                    DeviceBuffers.same("reduce_rows " + n + " <<<" + shape[0] + ", " + shape[1] + ">>>", sums,
                            CudaBackends.emulated().download(dsums), 3 * n, false);
                }
            }
        }
    }

    @Test
    void deviceMemoryRefusesHostAccessAndRoundTrips() {
        CudaBackend be = CudaBackends.emulated();
        assertEquals("cuda-emu", be.name());
        assertEquals(Device.CUDA, be.device());
        assertEquals(be, Device.CUDA.backend());
        for (DType dt : DType.values()) {
            Storage host = Storage.onHost(dt, 5);
            for (int i = 0; i < 5; i++) {
                host.set(i, i == 2 ? Double.NaN : i * 0.1 - 0.2);
            }
            CudaStorage dev = be.upload(host);
            assertEquals(Device.CUDA, dev.device());
            DeviceBuffers.exactly("round trip " + dt, host, be.download(dev));
            IllegalStateException get = assertThrows(IllegalStateException.class, () -> dev.get(0));
            assertTrue(get.getMessage().contains("to(Device.CPU)"), get.getMessage());
            assertThrows(IllegalStateException.class, () -> dev.set(0, 1));
            DeviceBuffers.exactly("allocate is zero-filled " + dt, Storage.onHost(dt, 7), be.download(be.allocate(dt, 7)));
            IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                    () -> be.fill(5, host, 0, 1));
            assertTrue(mixed.getMessage().contains("copy it with tensor.to(Device.CUDA)"), mixed.getMessage());
            dev.close();
            assertThrows(IllegalStateException.class, () -> be.fill(5, dev, 0, 1));
        }
        assertEquals(0, be.download(be.allocate(DType.F32, 0)).length());
    }

    /** Prints what a launch costs (the README quotes it); asserts only that nothing is absurdly slow. */
    @Test
    void launchOverhead() {
        CudaBackend be = CudaBackends.emulated();
        CudaStorage small = be.allocate(DType.F32, 1000);
        CudaStorage logits = be.upload(new DeviceBuffers(be, 4).random(DType.F32, 64 * 10));
        CudaStorage probs = be.allocate(DType.F32, 64 * 10);
        double fill = 0, softmax = 0;
        for (int round = 0; round < 3; round++) {  // the last round, after the JIT has compiled the path
            long t0 = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                be.fill(1000, small, 0, i);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                be.softmax(64, 10, logits, 0, probs, 0, false);
            }
            long t2 = System.nanoTime();
            fill = (t1 - t0) / 20_000.0 / 1000;
            softmax = (t2 - t1) / 200.0 / 1000;
        }
        System.out.printf("cuda-emu launch: fill of 1000 floats %.2f µs, softmax of 64 rows × 10 (64 blocks of 32 "
                + "fibers, 14 barriers) %.1f µs%n", fill, softmax);
        assertFalse(fill > 1000, "a small barrier-free launch took " + fill + " µs");
    }
}

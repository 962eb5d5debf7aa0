package jgrad.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * The {@link CudaDriver} that runs the CUDA kernels on the CPU: src/main/cuda compiled by g++ with the
 * host-emulation header into a shared library ({@link EmulatorLibrary}), called through
 * {@code java.lang.foreign}. Device memory is native memory that only kernels and explicit copies touch.
 * A launch is synchronous; its arguments are packed as {@code cuLaunchKernel} takes them (an array of
 * pointers to the values). GEMM, cuBLAS's part on a GPU, runs on the CPU backend: the operands are copied
 * to Java arrays, multiplied there, and the result copied back.
 */
final class EmulatedDriver implements CudaDriver {

    /** Native memory from the library's allocator. */
    private record Memory(MemorySegment segment) implements DeviceMemory {
        @Override
        public long bytes() {
            return segment.byteSize();
        }
    }

    private static final int MAX_ARGS = 32;
    private static final long VALUE_BYTES = 4096;

    private final Native lib;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment params = arena.allocate(ADDRESS, MAX_ARGS);   // void* params[]
    private final MemorySegment values = arena.allocate(VALUE_BYTES, 16);    // what params[i] point to
    private final Map<String, Integer> kernels = new ConcurrentHashMap<>();

    private EmulatedDriver(Native lib) {
        this.lib = lib;
    }

    /** Loads (compiling first if needed) the library; throws {@link CudaException} with the reason if it cannot. */
    static EmulatedDriver open() {
        return new EmulatedDriver(Native.get());
    }

    /** The kernels the library exports, with whether each runs its threads as fibers (it uses __syncthreads). */
    static Map<String, Boolean> exportedKernels() {
        return Native.get().kernels();
    }

    /** The library's file. */
    static Path libraryFile() {
        return Native.get().path;
    }

    @Override
    public String backendName() {
        return "cuda-emu";
    }

    @Override
    public DeviceMemory allocate(long bytes) {
        long size = Math.max(1, bytes);
        MemorySegment p = lib.alloc(size);
        if (p.address() == 0) {
            throw new CudaException("cuda-emu: cannot allocate " + size + " bytes of device memory");
        }
        return new Memory(p.reinterpret(size));
    }

    @Override
    public Runnable freeing(DeviceMemory memory) {
        long address = emu(memory).segment().address();
        Native library = lib;
        return () -> library.free(MemorySegment.ofAddress(address));
    }

    @Override
    public void copyToDevice(HostArray src, DeviceMemory dst, long dstByteOffset) {
        MemorySegment d = emu(dst).segment();
        switch (src) {
            case HostArray.Floats f -> MemorySegment.copy(f.a(), 0, d, JAVA_FLOAT, dstByteOffset, f.a().length);
            case HostArray.Doubles a -> MemorySegment.copy(a.a(), 0, d, JAVA_DOUBLE, dstByteOffset, a.a().length);
            case HostArray.Ints i -> MemorySegment.copy(i.a(), 0, d, JAVA_INT, dstByteOffset, i.a().length);
        }
    }

    @Override
    public void copyToHost(DeviceMemory src, long srcByteOffset, HostArray dst) {
        MemorySegment s = emu(src).segment();
        switch (dst) {
            case HostArray.Floats f -> MemorySegment.copy(s, JAVA_FLOAT, srcByteOffset, f.a(), 0, f.a().length);
            case HostArray.Doubles a -> MemorySegment.copy(s, JAVA_DOUBLE, srcByteOffset, a.a(), 0, a.a().length);
            case HostArray.Ints i -> MemorySegment.copy(s, JAVA_INT, srcByteOffset, i.a(), 0, i.a().length);
        }
    }

    /** Packs the arguments as cuLaunchKernel's {@code void**} and runs the kernel; its failure is thrown here. */
    @Override
    public synchronized void launch(String kernel, int grid, int block, KernelArg... args) {
        int index = kernels.computeIfAbsent(kernel, this::find);
        if (args.length > MAX_ARGS) {
            throw new IllegalArgumentException(kernel + ": " + args.length + " arguments, at most " + MAX_ARGS);
        }
        long at = 0;
        for (int i = 0; i < args.length; i++) {
            params.setAtIndex(ADDRESS, i, values.asSlice(at));
            at = pack(args[i], at, kernel, i);
        }
        if (lib.launch(index, grid, block, params) != 0) {
            throw new CudaException("cuda-emu: " + kernel + " <<<" + grid + ", " + block + ">>> failed: " + lib.lastError());
        }
    }

    /** Writes one argument's value at {@code at}; returns the next 8-aligned free offset. */
    private long pack(KernelArg arg, long at, String kernel, int i) {
        long size = switch (arg) {
            case KernelArg.Int v -> { values.set(JAVA_INT, at, v.value()); yield 4; }
            case KernelArg.Long v -> { values.set(JAVA_LONG, at, v.value()); yield 8; }
            case KernelArg.Float v -> { values.set(JAVA_FLOAT, at, v.value()); yield 4; }
            case KernelArg.Double v -> { values.set(JAVA_DOUBLE, at, v.value()); yield 8; }
            case KernelArg.Null n -> { values.set(JAVA_LONG, at, 0L); yield 8; }
            case KernelArg.Pointer p -> { values.set(JAVA_LONG, at, address(p, kernel, i)); yield 8; }
            case KernelArg.IntStruct s -> {
                MemorySegment.copy(s.values(), 0, values, JAVA_INT, at, s.values().length);
                yield 4L * s.values().length;
            }
        };
        long next = (at + size + 7) & ~7L;
        if (next > VALUE_BYTES) {
            throw new IllegalArgumentException(kernel + ": arguments larger than " + VALUE_BYTES + " bytes");
        }
        return next;
    }

    private static long address(KernelArg.Pointer p, String kernel, int i) {
        MemorySegment s = emu(p.memory()).segment();
        if (p.byteOffset() < 0 || p.byteOffset() > s.byteSize()) {
            throw new IndexOutOfBoundsException(kernel + " argument " + i + ": byte offset " + p.byteOffset()
                    + " outside a buffer of " + s.byteSize() + " bytes");
        }
        return s.address() + p.byteOffset();
    }

    private int find(String kernel) {
        int i = lib.find(kernel);
        if (i < 0) {
            throw new CudaException("cuda-emu: no kernel named " + kernel + " in the library (add it to the table in "
                    + EmulatorLibrary.ROOT + ")");
        }
        return i;
    }

    /**
     * Column-major out = op(first)·op(second) + β·out, computed as the row-major outᵀ = op(second)ᵀ·op(first)ᵀ
     * on the CPU backend: a column-major matrix read row-major is its transpose, so this undoes exactly
     * what {@link ColumnMajorGemm} did, and the GPU's argument translation is exercised on every call.
     */
    @Override
    public void gemm(DType dtype, ColumnMajorGemm g, KernelArg.Pointer first, KernelArg.Pointer second, double beta,
                     KernelArg.Pointer out) {
        boolean transA = g.transSecond(), transB = g.transFirst();
        int m = g.n(), n = g.m(), k = g.k();
        Storage a = read(dtype, second, transA ? k : m, transA ? m : k, g.ldSecond());
        Storage b = read(dtype, first, transB ? n : k, transB ? k : n, g.ldFirst());
        Storage c = read(dtype, out, m, n, g.ldc());
        cpu().gemm(transA, transB, m, n, k, a, 0, g.ldSecond(), b, 0, g.ldFirst(), beta, c, 0, g.ldc());
        copyToDevice(HostArray.of(c), out.memory(), out.byteOffset());
    }

    /** The elements a row-major rows × cols matrix with leading dimension ld spans, copied to the host. */
    private Storage read(DType dtype, KernelArg.Pointer p, int rows, int cols, int ld) {
        long span = rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
        Storage host = Storage.onHost(dtype, Math.toIntExact(span));
        copyToHost(p.memory(), p.byteOffset(), HostArray.of(host));
        return host;
    }

    /** The CPU backend the JVM chose (SIMD or scalar), which runs where cuBLAS would. */
    private static Backend cpu() {
        Backend b = Backends.current();
        return b.device() == Device.CPU ? b : Backends.scalar();
    }

    @Override
    public void sync() {
        // every launch and copy has finished when its call returns
    }

    @Override
    public void close() {
        arena.close();
    }

    private static Memory emu(DeviceMemory m) {
        if (m instanceof Memory e) {
            return e;
        }
        throw new IllegalArgumentException("not cuda-emu memory: " + m);
    }

    /** The loaded library and its functions, once per JVM (a failure is remembered and rethrown). */
    private static final class Native {
        private static volatile Native instance;
        private static volatile CudaException failure;

        private final Path path;
        private final MethodHandle find;
        private final MethodHandle launch;
        private final MethodHandle lastError;
        private final MethodHandle alloc;
        private final MethodHandle free;
        private final MethodHandle count;
        private final MethodHandle name;
        private final MethodHandle barriers;

        static Native get() {
            Native n = instance;
            if (n != null) {
                return n;
            }
            synchronized (Native.class) {
                if (instance == null && failure == null) {
                    try {
                        instance = new Native(EmulatorLibrary.build());
                    } catch (CudaException e) {
                        failure = e;
                    } catch (RuntimeException | LinkageError e) {
                        failure = new CudaException("cuda-emu: cannot load its library: " + e);
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return instance;
            }
        }

        private Native(Path path) {
            this.path = path;
            Linker linker = Linker.nativeLinker();
            SymbolLookup lib = SymbolLookup.libraryLookup(path, Arena.global());
            find = handle(linker, lib, "jgrad_emu_find", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            launch = handle(linker, lib, "jgrad_emu_launch", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                    ADDRESS));
            lastError = handle(linker, lib, "jgrad_emu_last_error", FunctionDescriptor.of(ADDRESS));
            alloc = handle(linker, lib, "jgrad_emu_alloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
            free = handle(linker, lib, "jgrad_emu_free", FunctionDescriptor.ofVoid(ADDRESS));
            count = handle(linker, lib, "jgrad_emu_kernel_count", FunctionDescriptor.of(JAVA_INT));
            name = handle(linker, lib, "jgrad_emu_kernel_name", FunctionDescriptor.of(ADDRESS, JAVA_INT));
            barriers = handle(linker, lib, "jgrad_emu_kernel_uses_barriers", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        }

        private static MethodHandle handle(Linker linker, SymbolLookup lib, String symbol, FunctionDescriptor d) {
            MemorySegment address = lib.find(symbol).orElseThrow(
                    () -> new CudaException("cuda-emu: the library lacks " + symbol));
            return linker.downcallHandle(address, d);
        }

        int find(String kernel) {
            try (Arena a = Arena.ofConfined()) {
                return (int) find.invokeExact(a.allocateFrom(kernel));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        int launch(int kernel, int grid, int block, MemorySegment params) {
            try {
                return (int) launch.invokeExact(kernel, grid, block, params);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        String lastError() {
            try {
                return ((MemorySegment) lastError.invokeExact()).reinterpret(Long.MAX_VALUE).getString(0);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        MemorySegment alloc(long bytes) {
            try {
                return (MemorySegment) alloc.invokeExact(bytes);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        void free(MemorySegment p) {
            try {
                free.invokeExact(p);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        Map<String, Boolean> kernels() {
            try {
                int n = (int) count.invokeExact();
                Map<String, Boolean> all = new java.util.LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String k = ((MemorySegment) name.invokeExact(i)).reinterpret(Long.MAX_VALUE).getString(0);
                    all.put(k, (int) barriers.invokeExact(i) != 0);
                }
                return all;
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private static RuntimeException rethrow(Throwable t) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return new IllegalStateException(t);
        }
    }
}

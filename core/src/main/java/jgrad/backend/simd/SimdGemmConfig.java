package jgrad.backend.simd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import jdk.incubator.vector.FloatVector;
import jgrad.backend.BadSettingException;
import jgrad.backend.Settings;

/**
 * The GEMM's register tile and cache blocking for the CPU at hand, chosen once at start-up the way
 * BLIS and OpenBLAS choose theirs per architecture, and each overridable by a system property.
 *
 * <p><b>Register tile</b> ({@code -Djgrad.gemm.kernel=MRxV}: MR rows of C by V vectors, NR = V·lanes
 * columns). The micro-kernel keeps MR·V accumulators in vector registers; the FMA latency (4 cycles)
 * on two pipes needs at least 8 of them, and C2 must not run out of registers, because one spilled
 * accumulator chains every step of k through memory and halves the speed. C2 loads the broadcasts of
 * A ahead of the FMAs, so a 6×2 tile (12 accumulators) needs 17 of AVX2's 16 registers and spills
 * (measured: 43 against 94 GFLOP/s on a Zen 3 core, 70 against 100 here); 4×2 (8 accumulators) does
 * not. Where vectors are 512 bits there are 32 registers and FMAs take A's element as a broadcast
 * operand: 12×2 (24 accumulators) ran at 167–196 GFLOP/s in cache against 128–158 for the 6×4 used
 * before. So: 12×2 with 32 registers (AVX-512, and AArch64's 32 vector registers), 4×2 with 16.
 *
 * <p><b>Blocking</b>, from the caches in {@code /sys/devices/system/cpu/cpu0/cache} (the analytical
 * model of Low et al., "Analytical modeling is enough for high-performance BLIS", 2016):
 * <ul>
 *   <li>KC ({@code -Djgrad.gemm.kc}): the MR×KC sliver of op(A), which stays, and the KC×NR sliver of
 *       op(B) passing by share the L1 data cache: KC = L1d / ((MR + NR)·4 bytes), rounded down to a
 *       multiple of 64 within [128, 768]. Each slice of k costs a pass over C, so a deeper slice
 *       pays (n = 2048 on AVX2 here: 61, 65, 71 GFLOP/s at KC 256, 384, 512); k is cut into equal
 *       slices of at most KC ({@link SimdGemm#sliceDepth});</li>
 *   <li>NC ({@code -Djgrad.gemm.nc}): the KC×NC panel of op(B) takes half of the L2: rounded down
 *       to a multiple of NR, within [4·NR, 4096];</li>
 *   <li>MC ({@code -Djgrad.gemm.mc}): the rows of packed op(A) run against a panel at a time (and, on
 *       several threads, the rows a thread packs and claims at once), half of the L2 too: rounded
 *       down to a multiple of MR, within [4·MR, 480]. Only its slivers need to stay in cache.</li>
 * </ul>
 * Where that directory is missing (some VMs), an AMD CPU's L2 is the "cache size" of {@code /proc/cpuinfo}
 * and its L1d follows from the family (48 KB from Zen 5, family 26; 32 KB before): on a Zen 5 the 32 KB
 * guess gave KC 128 at 512 bits, and KC 256 ran 0.93–1.0× NumPy against 0.86–0.95×. Otherwise the
 * defaults are those of a 32 KB L1d, 1 MB L2 and 2 MB of L3 per core. {@link #describe()} says what was chosen and why; {@code ./jgrad info} prints it.
 */
public final class SimdGemmConfig {

    /** The register tiles there is a kernel for, as {rows, vectors}. */
    static final int[][] KERNELS = {{12, 2}, {6, 4}, {4, 2}, {3, 3}};

    static final SimdGemmConfig CHOSEN = detect(Path.of("/proc/cpuinfo"), Path.of("/sys/devices/system/cpu/cpu0/cache"));

    final int lanes;
    final int mr;
    final int vectors;
    final int nr;
    final int kc;
    final int mc;
    final int nc;
    private final String why;

    private SimdGemmConfig(int lanes, int mr, int vectors, int kc, int mc, int nc, String why) {
        this.lanes = lanes;
        this.mr = mr;
        this.vectors = vectors;
        this.nr = vectors * lanes;
        this.kc = kc;
        this.mc = mc;
        this.nc = nc;
        this.why = why;
    }

    /** What the GEMM runs with here and why, e.g. for {@code ./jgrad info}. */
    public static String describe() {
        SimdGemmConfig c = CHOSEN;
        return String.format(Locale.ROOT, "kernel %dx%d (MR %d, NR %d = %d vectors of %d floats), KC %d, MC %d, NC %d; %s",
                c.mr, c.vectors, c.mr, c.nr, c.vectors, c.lanes, c.kc, c.mc, c.nc, c.why);
    }

    /** The plan for this JVM's vector width, the CPU described by {@code cpuinfo} and the caches under {@code cacheDir}. */
    static SimdGemmConfig detect(Path cpuinfo, Path cacheDir) {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        String arch = System.getProperty("os.arch", "");
        Cpu cpu = Cpu.read(cpuinfo);
        Caches caches = Caches.read(cacheDir);
        if (!caches.measured()) {
            caches = Caches.fromCpuinfo(cpu);
        }
        return plan(lanes, arch, cpu, caches, System::getProperty);
    }

    /** The plan for {@code lanes} floats per vector; {@code props} gives the overrides (System::getProperty). */
    static SimdGemmConfig plan(int lanes, String arch, Cpu cpu, Caches caches, UnaryOperator<String> props) {
        List<String> notes = new ArrayList<>();
        boolean wide = lanes >= 16 || arch.equals("aarch64");    // 32 vector registers
        int[] tile = wide ? new int[] {12, 2} : new int[] {4, 2};
        String forced = props.apply("jgrad.gemm.kernel");
        if (forced != null && !forced.isBlank()) {
            tile = parseKernel(forced.trim());
            notes.add("kernel forced by -Djgrad.gemm.kernel");
        } else {
            notes.add((wide ? "32" : "16") + " vector registers at " + lanes * 32 + " bits");
        }
        int mr = tile[0], nr = tile[1] * lanes;

        int kc = clamp(roundDown(caches.l1d / ((mr + nr) * 4), 64), 128, 768);
        int mc = clamp(roundDown(caches.l2 / 2 / (kc * 4), mr), 4 * mr, roundDown(480, mr));
        int nc = clamp(roundDown(caches.l2 / 2 / (kc * 4), nr), 4 * nr, roundDown(4096, nr));
        kc = override(props, "kc", kc, notes);
        mc = roundUp(override(props, "mc", mc, notes), mr);
        nc = roundUp(override(props, "nc", nc, notes), nr);

        notes.add(0, cpu.describe());
        notes.add(1, caches.describe());
        return new SimdGemmConfig(lanes, mr, tile[1], kc, mc, nc, String.join("; ", notes));
    }

    /** "MRxV" for one of {@link #KERNELS}, else an error that lists them. */
    static int[] parseKernel(String s) {
        String[] parts = s.toLowerCase(Locale.ROOT).split("x");
        if (parts.length == 2) {
            try {
                int mr = Integer.parseInt(parts[0].trim()), v = Integer.parseInt(parts[1].trim());
                for (int[] k : KERNELS) {
                    if (k[0] == mr && k[1] == v) {
                        return k.clone();
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        StringBuilder known = new StringBuilder();
        for (int[] k : KERNELS) {
            known.append(known.isEmpty() ? "" : ", ").append(k[0]).append('x').append(k[1]);
        }
        throw new BadSettingException("-Djgrad.gemm.kernel=" + s + ": expected rows x vectors, one of " + known);
    }

    private static int override(UnaryOperator<String> props, String name, int chosen, List<String> notes) {
        String s = props.apply("jgrad.gemm." + name);
        if (s == null || s.isBlank()) {
            return chosen;
        }
        int v = (int) Settings.parseWhole("gemm." + name, s, 1);
        notes.add(name.toUpperCase(Locale.ROOT) + " forced by -Djgrad.gemm." + name);
        return v;
    }

    static int roundDown(int x, int unit) {
        return x / unit * unit;
    }

    static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /**
     * The model name, the vector flags, the vendor, the family and the "cache size" (KB, 0 if absent) of the
     * first CPU in {@code /proc/cpuinfo}.
     */
    record Cpu(String model, boolean avx2, boolean fma, boolean avx512, String vendor, int family, int cacheSizeKb) {

        Cpu(String model, boolean avx2, boolean fma, boolean avx512) {
            this(model, avx2, fma, avx512, "", 0, 0);
        }

        static Cpu read(Path cpuinfo) {
            String model = "unknown CPU";
            String flags = "";
            String vendor = "";
            int family = 0, cacheKb = 0;
            try {
                for (String line : Files.readAllLines(cpuinfo)) {
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String key = line.substring(0, colon).trim();
                    String value = line.substring(colon + 1).trim();
                    if (key.equals("model name") && model.equals("unknown CPU")) {
                        model = value;
                    } else if ((key.equals("flags") || key.equals("Features")) && flags.isEmpty()) {
                        flags = " " + value + " ";
                    } else if (key.equals("vendor_id") && vendor.isEmpty()) {
                        vendor = value;
                    } else if (key.equals("cpu family") && family == 0) {
                        family = Integer.parseInt(value);
                    } else if (key.equals("cache size") && cacheKb == 0 && value.endsWith("KB")) {
                        cacheKb = Integer.parseInt(value.substring(0, value.length() - 2).trim());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return new Cpu("CPU not described (" + cpuinfo + " unreadable)", false, false, false);
            }
            return new Cpu(model, flags.contains(" avx2 "), flags.contains(" fma "), flags.contains(" avx512f "),
                    vendor, family, cacheKb);
        }

        String describe() {
            return model + (avx512 ? " (AVX-512" : avx2 ? " (AVX2" : " (") + (fma ? "+FMA)" : ")");
        }
    }

    /** Data cache sizes in bytes: L1d, L2, and the L3 divided among the CPUs that share it. */
    record Caches(int l1d, int l2, int l3PerCore, boolean measured, String source) {

        static final Caches DEFAULT = new Caches(32 << 10, 1 << 20, 2 << 20, false,
                "cache sizes not readable, assumed L1d 32 KB, L2 1 MB, L3 2 MB per CPU");
        /** AMD's first family with a 48 KB L1d (Zen 5). */
        static final int ZEN5_FAMILY = 26;

        Caches(int l1d, int l2, int l3PerCore, boolean measured) {
            this(l1d, l2, l3PerCore, measured, "");
        }

        /** What {@code /proc/cpuinfo} tells of an AMD CPU's L1d and L2 (see the class comment), else {@link #DEFAULT}. */
        static Caches fromCpuinfo(Cpu cpu) {
            if (!cpu.vendor().equals("AuthenticAMD") || cpu.cacheSizeKb() <= 0) {
                return DEFAULT;
            }
            int l1d = cpu.family() >= ZEN5_FAMILY ? 48 << 10 : 32 << 10;
            return new Caches(l1d, cpu.cacheSizeKb() << 10, DEFAULT.l3PerCore, false, String.format(Locale.ROOT,
                    "no cache directory: L1d %d KB (AMD family %d), L2 %d KB (/proc/cpuinfo's cache size), L3 assumed %d KB per CPU",
                    l1d >> 10, cpu.family(), cpu.cacheSizeKb(), DEFAULT.l3PerCore >> 10));
        }

        static Caches read(Path dir) {
            int l1 = 0, l2 = 0, l3 = 0;
            try (var entries = Files.list(dir)) {
                for (Path index : (Iterable<Path>) entries::iterator) {
                    if (!index.getFileName().toString().startsWith("index")) {
                        continue;
                    }
                    String type = Files.readString(index.resolve("type")).trim();
                    if (type.equals("Instruction")) {
                        continue;
                    }
                    int level = Integer.parseInt(Files.readString(index.resolve("level")).trim());
                    int size = parseSize(Files.readString(index.resolve("size")).trim());
                    int sharing = Math.max(1, countCpus(Files.readString(index.resolve("shared_cpu_list")).trim()));
                    switch (level) {
                        case 1 -> l1 = size;
                        case 2 -> l2 = size;
                        case 3 -> l3 = (int) Math.min(Integer.MAX_VALUE, (long) size / sharing);
                        default -> { }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return DEFAULT;
            }
            if (l1 == 0 || l2 == 0) {
                return DEFAULT;
            }
            return new Caches(l1, l2, l3 == 0 ? l2 : l3, true);
        }

        /** "48K", "2048K", "32M" or a plain byte count. */
        static int parseSize(String s) {
            long unit = 1;
            char last = Character.toUpperCase(s.charAt(s.length() - 1));
            if (last == 'K' || last == 'M' || last == 'G') {
                unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
                s = s.substring(0, s.length() - 1);
            }
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(s.trim()) * unit);
        }

        /** The number of CPUs in a list such as "0-3,8-11". */
        static int countCpus(String list) {
            int count = 0;
            for (String part : list.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int dash = part.indexOf('-');
                count += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1).trim())
                        - Integer.parseInt(part.substring(0, dash).trim()) + 1;
            }
            return count;
        }

        String describe() {
            return measured
                    ? String.format(Locale.ROOT, "L1d %d KB, L2 %d KB, L3 %d KB per CPU", l1d >> 10, l2 >> 10, l3PerCore >> 10)
                    : source;
        }
    }
}

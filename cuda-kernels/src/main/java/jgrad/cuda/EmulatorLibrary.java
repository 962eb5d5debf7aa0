package jgrad.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the cuda-emu shared library: the jar carries the kernel sources (src/main/cuda and
 * src/main/cpp, under /jgrad/cuda/emu-src/), and the first use compiles them with g++ into a cache
 * directory, under a name made of a hash of the sources, the flags and the compiler's version. Later
 * JVMs (and the second surefire run) load that file; a changed source or compiler gets a new one.
 * Concurrent first uses each compile into a private directory and move the result into place atomically.
 *
 * <p>The sources are the root file {@code cuda_emu_exports.cpp} and whatever it includes in quotes,
 * recursively, so its include lines are the one list of what is compiled.
 */
final class EmulatorLibrary {

    static final String ROOT = "cuda_emu_exports.cpp";
    private static final String RESOURCES = "/jgrad/cuda/emu-src/";
    static final List<String> FLAGS = List.of("-O2", "-std=c++20", "-fPIC", "-shared", "-pthread",
            "-fvisibility=hidden");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final System.Logger LOG = System.getLogger("jgrad");

    private EmulatorLibrary() {
    }

    /** The C++ compiler: -Djgrad.cuda.emu.cxx, else g++ on the PATH. */
    static String compiler() {
        return System.getProperty("jgrad.cuda.emu.cxx", "g++");
    }

    /** The compiler's first version line, or null with {@code why[0]} set when there is no usable compiler. */
    static String compilerVersion(String[] why) {
        try {
            Process p = new ProcessBuilder(compiler(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why[0] = compiler() + " --version failed";
                return null;
            }
            return out.lines().findFirst().orElse(compiler()).trim();
        } catch (IOException e) {
            why[0] = "no " + compiler() + " on the PATH (cuda-emu compiles the CUDA kernels with it)";
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why[0] = "interrupted while asking " + compiler() + " for its version";
            return null;
        }
    }

    /** Where compiled libraries are kept: -Djgrad.cuda.emu.cache, else $XDG_CACHE_HOME/jgrad/cuda-emu or ~/.cache/jgrad/cuda-emu. */
    static Path cacheDirectory() {
        String forced = System.getProperty("jgrad.cuda.emu.cache");
        if (forced != null && !forced.isBlank()) {
            return Path.of(forced);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jgrad").resolve("cuda-emu");
    }

    /** The cache directory, created; the temporary directory's jgrad-cuda-emu-USER where that fails (a read-only home). */
    private static Path writableCache() {
        Path dir = cacheDirectory();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "jgrad-cuda-emu-" + System.getProperty("user.name"));
            try {
                LOG.log(Level.INFO, "cuda-emu: cannot use {0} ({1}); caching in {2}", dir, e.getMessage(), fallback);
                return Files.createDirectories(fallback);
            } catch (IOException again) {
                throw new CudaException("cuda-emu: no writable directory for its library: " + dir + " (" + e.getMessage()
                        + ") nor " + fallback + " (" + again.getMessage() + ")");
            }
        }
    }

    /** The library's path for these sources and this compiler (it may not exist yet). */
    static Path libraryPath(String compilerVersion) {
        return cacheDirectory().resolve("libjgrad-cuda-emu-" + hash(compilerVersion, sources()) + ".so");
    }

    /** The library, compiled now unless the cache has it. Throws {@link CudaException} saying why it cannot. */
    static Path build() {
        String[] why = new String[1];
        String version = compilerVersion(why);
        if (version == null) {
            throw new CudaException("cuda-emu is not available: " + why[0]);
        }
        Map<String, byte[]> sources = sources();
        Path dir = writableCache();
        Path library = dir.resolve("libjgrad-cuda-emu-" + hash(version, sources) + ".so");
        if (Files.isRegularFile(library)) {
            return library;
        }
        try {
            Path work = Files.createTempDirectory(dir, "build-");
            try {
                compile(sources, work, library, version);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new CudaException("cuda-emu: cannot build its library in " + dir + ": " + e.getMessage());
        }
        return library;
    }

    private static void compile(Map<String, byte[]> sources, Path work, Path library, String version)
            throws IOException {
        for (Map.Entry<String, byte[]> f : sources.entrySet()) {
            Files.write(work.resolve(f.getKey()), f.getValue());
        }
        Path out = work.resolve("lib.so");
        Path log = work.resolve("compile.log");
        List<String> command = new ArrayList<>();
        command.add(compiler());
        command.addAll(FLAGS);
        command.addAll(List.of("-o", out.toString(), work.resolve(ROOT).toString()));
        LOG.log(Level.INFO, "cuda-emu: compiling the CUDA kernels for the CPU with {0} (once, about 10 s; cached as {1})",
                version, library);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new CudaException("cuda-emu: " + compiler() + " took more than 10 minutes on the kernels");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CudaException("cuda-emu: interrupted while compiling the kernels");
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new CudaException("cuda-emu: " + compiler() + " failed on the CUDA kernels (exit " + p.exitValue()
                    + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        Files.move(out, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.log(Level.INFO, "cuda-emu: compiled in {0} s", (System.nanoTime() - start) / 1_000_000_000L);
    }

    /** The root source and everything it includes in quotes, by file name, read from the jar. */
    static Map<String, byte[]> sources() {
        Map<String, byte[]> files = new TreeMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(ROOT));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (files.containsKey(name)) {
                continue;
            }
            byte[] text = resource(name);
            files.put(name, text);
            Matcher m = INCLUDE.matcher(new String(text, StandardCharsets.UTF_8));
            while (m.find()) {
                todo.push(m.group(1));
            }
        }
        return files;
    }

    private static byte[] resource(String name) {
        try (InputStream in = EmulatorLibrary.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new CudaException("cuda-emu: the kernel source " + name + " is not in the jar (" + RESOURCES
                        + "); rebuild jgrad-cuda-kernels");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CudaException("cuda-emu: cannot read the kernel source " + name + ": " + e.getMessage());
        }
    }

    private static String hash(String compilerVersion, Map<String, byte[]> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((compilerVersion + "\0" + String.join(" ", FLAGS) + "\0").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> f : sources.entrySet()) {
                sha.update((f.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}

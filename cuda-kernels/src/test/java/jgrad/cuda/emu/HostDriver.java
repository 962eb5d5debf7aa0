package jgrad.cuda.emu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host-compiled kernels: src/test/cpp/kernel_driver.cpp built with g++ against the very
 * src/main/cuda sources nvcc builds. The binary is named by a hash of its sources, so the second
 * surefire run (and unchanged rebuilds) reuse it instead of compiling again.
 */
final class HostDriver {

    private static final Path CPP = Path.of("src/test/cpp");
    private static final Path CUDA = Path.of("src/main/cuda");
    private static final Path OUT = Path.of("target/emu");

    private final Path binary;

    private HostDriver(Path binary) {
        this.binary = binary;
    }

    /** Why the driver cannot be built here, or null when g++ is present. */
    static String unavailableReason() {
        try {
            Process p = new ProcessBuilder("g++", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : "g++ --version failed: cannot compile the kernels for the host";
        } catch (IOException | InterruptedException e) {
            return "no g++ on this machine: the host-emulated kernel tests need it (" + e.getMessage() + ")";
        }
    }

    /** Compiles the driver unless a binary of the same sources exists. */
    static HostDriver build() throws IOException, InterruptedException {
        Path binary = OUT.resolve("kernel_driver-" + sourceHash()).toAbsolutePath();
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(OUT);
            Path tmp = Files.createTempFile(OUT, "kernel_driver", ".tmp");
            Path log = OUT.resolve("g++.log");
            Process p = new ProcessBuilder("g++", "-std=c++20", "-O1", "-pthread", "-Wall", "-Werror",
                    "-o", tmp.toString(), CPP.resolve("kernel_driver.cpp").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("g++ failed on the kernels:\n" + Files.readString(log));
            }
            Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new HostDriver(binary);
    }

    /** Runs the commands, one per line, and returns every output array in order. */
    List<double[]> run(String commands) throws IOException, InterruptedException {
        Path in = Files.createTempFile(OUT, "in", ".txt");
        Path out = Files.createTempFile(OUT, "out", ".txt");
        Path err = Files.createTempFile(OUT, "err", ".txt");
        try {
            Files.writeString(in, commands);
            Process p = new ProcessBuilder(binary.toString()).redirectInput(in.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("kernel driver timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kernel driver exited with " + p.exitValue() + ": "
                        + Files.readString(err));
            }
            return parse(Files.readAllLines(out));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<double[]> parse(List<String> lines) {
        List<double[]> arrays = new ArrayList<>();
        for (String line : lines) {
            String[] t = line.trim().split(" ");
            double[] v = new double[Integer.parseInt(t[0])];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(t[i + 1]);
            }
            arrays.add(v);
        }
        return arrays;
    }

    private static String sourceHash() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path dir : List.of(CPP, CUDA)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

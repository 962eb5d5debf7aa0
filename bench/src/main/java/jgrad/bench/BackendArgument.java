package jgrad.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code --backend scalar|simd|cuda|cuda-emu} option of {@code ./jgrad bench}, the same option every
 * other command takes, turned into JMH's {@code -p backend=NAME}. For cuda and cuda-emu it is checked
 * here, before any fork starts, so that a missing device is one line and exit code 3 rather than a
 * stack trace per benchmark; and the CPU-only benchmarks (the kernel ones, which call a CPU backend on
 * host arrays, and the optimizer step, which has no backend parameter) are excluded with {@code -e}.
 */
final class BackendArgument {

    /** The classes that cannot run on a device: excluded when cuda or cuda-emu is asked for. */
    static final String CPU_ONLY = "jgrad\\.bench\\.(kernels|optim)\\.";

    private static final String CHOICES = "scalar, simd, cuda or cuda-emu";

    /** A command line this option refuses, with the exit code of the README's table (2 usage, 3 no device). */
    static final class Refused extends Exception {
        final int exitCode;

        Refused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** What the option became: JMH's arguments, and a note for the user (or null). */
    record Translated(String[] args, String note) {
    }

    private BackendArgument() {
    }

    /**
     * Replaces {@code --backend NAME} by {@code -p backend=NAME} (and the CPU-only exclusion on a device).
     *
     * @param unavailable why a backend cannot run here, or null where it can ({@link BackendChoice#unavailableReason})
     */
    static Translated translate(String[] args, UnaryOperator<String> unavailable) throws Refused {
        List<String> rest = new ArrayList<>();
        String name = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-p") && i + 1 < args.length && args[i + 1].startsWith("backend=")) {
                rest.add(args[i]);
                rest.add(args[++i]);
            } else if (args[i].equals("--backend")) {
                if (i + 1 >= args.length) {
                    throw new Refused(2, "--backend needs a value: " + CHOICES);
                }
                if (name != null) {
                    throw new Refused(2, "--backend given twice (" + name + " and " + args[i + 1] + ")");
                }
                name = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        if (name == null) {
            return new Translated(args, null);
        }
        return withBackend(name, rest, unavailable);
    }

    private static Translated withBackend(String name, List<String> rest, UnaryOperator<String> unavailable)
            throws Refused {
        if (!List.of("scalar", "simd", "cuda", "cuda-emu").contains(name)) {
            throw new Refused(2, "unknown backend '" + name + "': expected " + CHOICES);
        }
        if (String.join(" ", rest).matches("(.* )?-p backend=.*")) {
            throw new Refused(2, "--backend " + name + " and -p backend=… both given: keep one");
        }
        String reason = unavailable.apply(name);
        if (reason != null) {
            throw new Refused(3, reason + (name.equals("cuda") ? " (--backend cuda needs a GPU; --backend cuda-emu "
                    + "runs the CUDA kernels on the CPU)" : ""));
        }
        List<String> jmh = new ArrayList<>(List.of("-p", "backend=" + name));
        String note = null;
        if (name.startsWith("cuda")) {
            jmh.addAll(List.of("-e", CPU_ONLY));
            note = "--backend " + name + ": the model and tensor benchmarks run on the CUDA device; the kernel and "
                    + "optimizer benchmarks are CPU-only and left out";
        }
        jmh.addAll(rest);
        return new Translated(jmh.toArray(String[]::new), note);
    }
}

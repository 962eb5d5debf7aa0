package jgrad.golden;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jgrad.io.InputFileException;
import jgrad.io.InputFiles;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * Runs golden cases ({@code shared/spec/golden-format.md}): for each case, builds its op from
 * config and params, runs the forward, differentiates L = Σ_k Σ upstream_k ⊙ output_k (gan: its
 * own rule), and compares outputs and gradients with the case's tolerance for the precision used.
 * Prints one line per case and last "N passed, M failed". A case that cannot run (unknown op,
 * missing tensor, bad shapes) fails with the reason.
 */
public final class GoldenRunner {

    /** The counts of a run and the names of the failed cases. */
    public record Summary(int passed, int failed, List<String> failures) {

        Summary plus(Summary o) {
            List<String> all = new ArrayList<>(failures);
            all.addAll(o.failures);
            return new Summary(passed + o.passed, failed + o.failed, all);
        }

        @Override
        public String toString() {
            return passed + " passed, " + failed + " failed";
        }
    }

    private GoldenRunner() {
    }

    /** Runs every *.json of a directory (or one file) in the given precision. */
    public static Summary runDirectory(Path dir, DType dtype, PrintStream out) {
        Summary s = runFiles(caseFiles(dir), dtype, Device.CPU, out);
        out.println(s);
        return s;
    }

    /** {@code [--dtype f32|f64] DIR_OR_FILE...}; exits with the status of {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs every case named by {@code [--dtype f32|f64] DIR_OR_FILE...} (both precisions when no dtype
     * is given), prints one line per case and the total; returns 0 when all pass, 1 when any fails,
     * 2 for a bad command line.
     */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, Device.CPU);
    }

    /** {@link #run(String[], PrintStream)} with every case's tensors on {@code device} (expected values compared on the host). */
    public static int run(String[] args, PrintStream out, Device device) {
        List<Path> files = new ArrayList<>();
        List<DType> dtypes = new ArrayList<>(List.of(DType.F64, DType.F32));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dtype") && i + 1 == args.length) {
                out.println("golden: --dtype needs a value: f32 or f64");
                return 2;
            }
            if (args[i].equals("--dtype")) {
                String d = args[++i].toUpperCase(Locale.ROOT);
                if (!d.equals("F32") && !d.equals("F64")) {
                    out.println("golden: --dtype must be f32 or f64, got '" + args[i] + "'");
                    return 2;
                }
                dtypes = List.of(DType.valueOf(d));
            } else if (!Files.exists(Path.of(args[i]))) {
                out.println("golden: no such file or directory: " + args[i]);
                return 2;
            } else {
                files.addAll(caseFiles(Path.of(args[i])));
            }
        }
        if (files.isEmpty()) {
            out.println("golden: no *.json cases given; usage: golden [--dtype f32|f64] DIR_OR_FILE...");
            return 2;
        }
        Summary total = new Summary(0, 0, List.of());
        for (DType d : dtypes) {
            total = total.plus(runFiles(files, d, device, out));
        }
        out.println(total);
        return total.failed() == 0 ? 0 : 1;
    }

    static Summary runFiles(List<Path> files, DType dtype, Device device, PrintStream out) {
        int passed = 0;
        List<String> failures = new ArrayList<>();
        String tag = dtype.name().toLowerCase(Locale.ROOT);
        for (Path f : files) {
            String fallback = f.getFileName().toString().replaceFirst("\\.json$", "");
            Outcome o = runOne(f, fallback, dtype, device);
            if (o.comparison != null && o.comparison.passed()) {
                passed++;
                out.printf(Locale.ROOT, "PASS %s %-40s max abs err %.2e, max rel err %.2e%n", tag, o.name,
                        o.comparison.maxAbs(), o.comparison.maxRel());
            } else {
                failures.add(o.name);
                out.printf(Locale.ROOT, "FAIL %s %-40s %s%n", tag, o.name, o.reason());
            }
        }
        return new Summary(passed, failures.size(), failures);
    }

    private record Outcome(String name, Comparison comparison, String error) {
        String reason() {
            if (error != null) {
                return error;
            }
            return comparison.failure() + String.format(Locale.ROOT, " (max abs err %.2e, max rel err %.2e)",
                    comparison.maxAbs(), comparison.maxRel());
        }
    }

    private static Outcome runOne(Path file, String fallback, DType dtype, Device device) {
        String name = fallback;
        try {
            GoldenCase c = GoldenCase.parse(InputFiles.readJson(file, "a golden case", MAX_CASE_BYTES), fallback, dtype,
                    device);
            name = c.name();
            return new Outcome(name, check(c), null);
        } catch (InputFileException e) {
            return new Outcome(name, null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(name, null, file.getFileName() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return new Outcome(name, null, file.getFileName() + ": its tensors do not fit in this JVM's memory (-Xmx "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB)");
        }
    }

    /** A case file is a few tensors; this bounds what a stray large file can make the runner read. */
    static final long MAX_CASE_BYTES = 64L << 20;

    /**
     * Runs the op, differentiates, and compares every expected output and gradient. A case that
     * expects nothing (no outputs, no grads) is an error: it would pass whatever the op computed.
     */
    static Comparison check(GoldenCase c) {
        if (c.outputs().isEmpty() && c.grads().isEmpty()) {
            throw new IllegalArgumentException("the case has nothing to check: its \"outputs\" and \"grads\" are empty");
        }
        Ops.Result r = Ops.run(c);
        Map<String, Tensor> grads = r.grads() != null ? r.grads() : backward(c, r.outputs());
        Comparison cmp = new Comparison(c.abs(), c.rel());
        c.outputs().forEach((k, want) -> cmp.compare("output " + k, r.outputs().get(k), want));
        c.grads().forEach((k, want) -> cmp.compare("grad " + k, grads.get(k), want));
        return cmp;
    }

    /** Backward of L = Σ_k Σ upstream_k ⊙ output_k; the gradients of every param and input asked for. */
    private static Map<String, Tensor> backward(GoldenCase c, Map<String, Tensor> outputs) {
        Tensor loss = null;
        for (Map.Entry<String, Tensor> u : c.upstream().entrySet()) {
            Tensor out = outputs.get(u.getKey());
            if (out == null) {
                throw new IllegalArgumentException("upstream '" + u.getKey() + "' names no output of op '" + c.op()
                        + "' (outputs: " + outputs.keySet() + ")");
            }
            Tensor term = out.mul(u.getValue()).sum();
            loss = loss == null ? term : loss.add(term);
        }
        if (!c.grads().isEmpty() && (loss == null || !loss.requiresGrad())) {
            throw new IllegalArgumentException("the case asks for gradients but has no upstream for a differentiable output");
        }
        if (loss != null && loss.requiresGrad()) {
            loss.backward();
        }
        Map<String, Tensor> grads = new java.util.LinkedHashMap<>();
        for (String k : c.grads().keySet()) {
            Tensor leaf = c.params().containsKey(k) ? c.params().get(k) : c.inputs().get(k);
            if (leaf == null) {
                throw new IllegalArgumentException("grads names '" + k + "', which is neither a param nor an input");
            }
            grads.put(k, leaf.grad() == null ? Tensor.zeros(leaf.device(), leaf.dtype(), leaf.shape()) : leaf.grad());
        }
        return grads;
    }

    private static List<Path> caseFiles(Path p) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + p + ": " + e.getMessage(), e);
        }
    }
}

package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jgrad.interop.TorchFixtures;

/**
 * {@code ./jgrad interop DIR}: loads every PyTorch fixture in DIR (the layout of {@code shared/interop}) into
 * the matching jgrad model, in F32 and in F64, runs its inputs, and prints one line per fixture with the largest
 * error in each precision, then {@code N passed, M failed}. Exit 0 when every fixture passed, 1 otherwise.
 */
final class InteropCommand implements Command {

    @Override public String name() { return "interop"; }
    @Override public String usage() { return "DIR"; }
    @Override public String summary() { return "PyTorch models (safetensors) loaded and their outputs reproduced, f32 and f64"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length != 1) {
            throw new UsageException("needs one directory of PyTorch fixtures, e.g. ../shared/interop");
        }
        Path dir = ExampleOptions.path("DIR", args[0]);
        List<String> names = TorchFixtures.names(dir);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(dir + ": holds no fixture (NAME.json beside NAME.safetensors)");
        }
        int passed = 0;
        for (String name : names) {
            TorchFixtures.Result r = TorchFixtures.check(dir, name);
            passed += r.passed() ? 1 : 0;
            out.printf(Locale.ROOT, "%-4s %-16s f32 max error %-9s f64 max error %-9s %s%s%n", r.passed() ? "ok" : "FAIL",
                    r.name(), error(r.maxErrorF32()), error(r.maxErrorF64()),
                    r.compared().isEmpty() ? r.architecture() : r.architecture() + " " + r.compared(),
                    r.problem() == null ? "" : ": " + r.problem());
        }
        out.printf("%d passed, %d failed%n", passed, names.size() - passed);
        return passed == names.size() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String error(double e) {
        return Double.isNaN(e) ? "-" : String.format(Locale.ROOT, "%.2e", e);
    }
}

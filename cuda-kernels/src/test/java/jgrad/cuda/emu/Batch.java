package jgrad.cuda.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jgrad.backend.DType;
import jgrad.backend.Storage;

/**
 * Test cases sent to the kernel driver in one process run, each with the reference's expected
 * outputs. A value passes when |got − want| ≤ ε·(|want| + scale): ε is a few float ulps for F32
 * (the kernels compute in float, the reference in double) and 1e-12 for F64; scale is the case's
 * natural magnitude (1 for maps, Σ|x| for sums).
 */
final class Batch {

    private record Case(String label, DType dtype, double scale, Storage[] expected) {
    }

    private final StringBuilder input = new StringBuilder();
    private final List<Case> cases = new ArrayList<>();

    void add(String label, Command command, DType dtype, double scale, Storage... expected) {
        input.append(command);
        cases.add(new Case(label, dtype, scale, expected));
    }

    int size() {
        return cases.size();
    }

    void check(HostDriver driver) throws IOException, InterruptedException {
        List<double[]> outputs = driver.run(input.toString());
        int next = 0;
        for (Case c : cases) {
            for (Storage want : c.expected) {
                if (next >= outputs.size()) {
                    fail(c.label + ": the driver wrote too few outputs");
                }
                compare(c, want, outputs.get(next++));
            }
        }
        assertEquals(next, outputs.size(), "the driver wrote more outputs than expected");
    }

    private static void compare(Case c, Storage want, double[] got) {
        assertEquals(want.length(), got.length, c.label + ": output length");
        double eps = c.dtype == DType.F32 ? 2e-6 : 1e-12;
        for (int i = 0; i < got.length; i++) {
            double w = want.get(i);
            boolean same = Double.isNaN(w) ? Double.isNaN(got[i])
                    : w == got[i] || Math.abs(got[i] - w) <= eps * (Math.abs(w) + c.scale);
            if (!same) {
                fail(c.label + ": element " + i + " is " + got[i] + ", the reference says " + w);
            }
        }
    }
}

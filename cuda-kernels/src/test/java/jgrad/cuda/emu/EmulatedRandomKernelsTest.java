package jgrad.cuda.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import jgrad.backend.DType;
import jgrad.random.Philox;
import org.junit.jupiter.api.Test;

/**
 * random.cu (dropout_mask, uniform), compiled for the host through cuda_host_emu.h, against
 * {@link Philox} bit for bit: the same (seed, offset) must give the same mask and the same uniforms on
 * the GPU as on the CPU, in F32 and F64, whatever the launch shape, with offsets past 2³².
 */
class EmulatedRandomKernelsTest extends EmulatedKernelFixture {

    private static final int[] SIZES = {0, 1, 33, 5003};
    private static final long[] OFFSETS = {0, (1L << 33) + 5};
    /** The second seed has its top bit set: a negative long, read as unsigned by the kernels. */
    private static final long[] SEEDS = {20260522, 0x9E3779B97F4A7C15L};

    EmulatedRandomKernelsTest() {
        super(new int[][] {{1, 32}, {3, 32}, {2, 64}, {5, 128}});
    }

    /** Commands and their exact expected outputs. */
    private final StringBuilder commands = new StringBuilder();
    private final List<String> labels = new ArrayList<>();
    private final List<double[]> expected = new ArrayList<>();

    private void add(String label, Command command, double[] want) {
        commands.append(command);
        labels.add(label);
        expected.add(want);
    }

    private void checkExactly() throws Exception {
        List<double[]> got = driver().run(commands.toString());
        assertEquals(expected.size(), got.size(), "outputs of the driver");
        for (int c = 0; c < got.size(); c++) {
            double[] w = expected.get(c), g = got.get(c);
            assertEquals(w.length, g.length, labels.get(c) + ": length");
            for (int i = 0; i < w.length; i++) {
                if (Double.compare(w[i], g[i]) != 0) {
                    assertEquals(w[i], g[i], labels.get(c) + ": element " + i + " (bits differ)");
                }
            }
        }
    }

    @Test
    void dropoutMasksEqualPhiloxBitForBit() throws Exception {
        driver();
        double[] rates = {0.1, 0.5};  // 0.1 is not a float: the comparison must be in double for both dtypes
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                for (long offset : OFFSETS) {
                    for (long seed : SEEDS) {
                        for (double p : rates) {
                            double keep = dt == DType.F32 ? (float) (1 / (1 - p)) : 1 / (1 - p);
                            double[] want = new double[n];
                            for (int i = 0; i < n; i++) {
                                want[i] = Philox.dropoutKeeps(seed, offset + i, p) ? keep : 0;
                            }
                            add("dropout_mask " + dt + " n=" + n + " offset=" + offset + " seed=" + seed + " p=" + p,
                                    command("dropout_mask", dt).ints(n).longs(seed, offset).real(p), want);
                        }
                    }
                }
            }
        }
        checkExactly();
    }

    @Test
    void uniformsEqualPhiloxBitForBit() throws Exception {
        driver();
        double[][] ranges = {{0, 1}, {-2.5, 3}};
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                for (long offset : OFFSETS) {
                    for (long seed : SEEDS) {
                        for (double[] r : ranges) {
                            double[] want = new double[n];
                            for (int i = 0; i < n; i++) {
                                want[i] = dt == DType.F32
                                        ? Philox.uniformFloat(seed, offset + i, (float) r[0], (float) r[1])
                                        : Philox.uniformDouble(seed, offset + i, r[0], r[1]);
                            }
                            add("uniform " + dt + " n=" + n + " offset=" + offset + " seed=" + seed + " [" + r[0]
                                    + ", " + r[1] + ")",
                                    command("uniform", dt).ints(n).longs(seed, offset).real(r[0]).real(r[1]), want);
                        }
                    }
                }
            }
        }
        checkExactly();
    }
}

package jgrad.cuda.emu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jgrad.backend.DType;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the emulated-kernel tests share: the host-compiled kernels (built once per class, or the reason they
 * cannot be, which skips the tests), and launches that cycle through grid and block shapes.
 */
abstract class EmulatedKernelFixture {

    static final DType[] DTYPES = {DType.F32, DType.F64};

    private static HostDriver driver;
    private static String unavailable;

    private final int[][] launches;
    private int launch;

    /** @param launches {grid, block} pairs, used in turn by {@link #command} */
    EmulatedKernelFixture(int[][] launches) {
        this.launches = launches;
    }

    @BeforeAll
    static void buildDriver() throws Exception {
        unavailable = HostDriver.unavailableReason();
        if (unavailable == null) {
            driver = HostDriver.build();
        }
    }

    /** The host-compiled kernels; skips the test, with the reason, where they cannot be built. */
    static HostDriver driver() {
        assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
        return driver;
    }

    Batch batch() {
        driver();
        return new Batch();
    }

    Command command(String kernel, DType dtype) {
        int[] l = launches[launch++ % launches.length];
        return Command.of(kernel, dtype, l[0], l[1]);
    }
}

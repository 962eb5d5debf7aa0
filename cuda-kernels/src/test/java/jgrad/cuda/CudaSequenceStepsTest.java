package jgrad.cuda;

import java.util.Random;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.backend.UnaryOp;

/**
 * The fused steps of the RNN (rnn.cu) and the GRU (gru.cu) against the {@link Backend} defaults
 * composed of the generic kernels, run in F64 on the scalar reference (which overrides none of them),
 * on each CUDA driver. F32 kernels are compared with the same reference at float tolerance; inputs
 * are exact in F32. Sizes around the launch widths, the upstream gradient walked and repeated.
 * Attention pooling is covered by {@link CudaLayerKernelsTest}.
 */
class CudaSequenceStepsTest {

    private static final int[] SIZES = {1, 3, 33, 130, 1021};

    private final Random random = new Random(20260602);
    private final Backend ref = Backends.scalar();

    /** n values in [lo, hi), exact in F32 too, as F64. */
    private Storage random(int n, double lo, double hi) {
        Storage s = Storage.onHost(DType.F64, n);
        for (int i = 0; i < n; i++) {
            s.set(i, (float) (lo + (hi - lo) * random.nextDouble()));
        }
        return s;
    }

    /** The values in dtype dt, on the host. */
    private static Storage as(DType dt, Storage s) {
        Storage c = Storage.onHost(dt, s.length());
        Backends.scalar().convert(s.length(), s, 0, c, 0);
        return c;
    }

    private static void same(String backend, String what, Storage want, Storage got) {
        DeviceBuffers.same(backend + " " + what, want, got, 1, backend.equals("cuda"));
    }

    @CudaBackends.OnEach
    void rnnStepAgainstTheComposition(String name) {
        CudaBackend be = CudaBackends.get(name);
        for (DType dt : DType.values()) {
            for (int n : SIZES) {
                for (UnaryOp sigma : new UnaryOp[] {UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.RELU, UnaryOp.LEAKY_RELU}) {
                    double alpha = sigma == UnaryOp.LEAKY_RELU ? 0.125 : 0;
                    String label = "rnn " + sigma + " n=" + n + " " + dt;
                    Storage pre = random(n, -3, 3);
                    Storage h = Storage.onHost(DType.F64, n);
                    ref.rnnStepForward(sigma, alpha, n, pre, 0, h, 0);
                    CudaStorage dh0 = be.allocate(dt, n);
                    be.rnnStepForward(sigma, alpha, n, be.upload(as(dt, pre)), 0, dh0, 0);
                    same(name, label + " forward", h, be.download(dh0));
                    for (int upStep : new int[] {0, 1}) {
                        Storage up = random(n, -1, 1), dh = random(n, -1, 1);
                        Storage hIn = as(dt, h);       // the F32 kernel gets h as the F32 forward gives it
                        Storage dhWant = as(DType.F64, dh), dpreWant = Storage.onHost(DType.F64, n);
                        ref.rnnStepBackward(sigma, alpha, n, pre, 0, as(DType.F64, hIn), 0, up, 0, upStep, dhWant, 0,
                                dpreWant, 0);
                        CudaStorage dDh = be.upload(as(dt, dh)), dDpre = be.allocate(dt, n);
                        be.rnnStepBackward(sigma, alpha, n, be.upload(as(dt, pre)), 0, be.upload(hIn), 0,
                                be.upload(as(dt, up)), 0, upStep, dDh, 0, dDpre, 0);
                        same(name, label + " backward dh upStep=" + upStep, dhWant, be.download(dDh));
                        same(name, label + " backward dpre upStep=" + upStep, dpreWant, be.download(dDpre));
                    }
                }
            }
        }
    }

    @CudaBackends.OnEach
    void gruStepsAgainstTheComposition(String name) {
        CudaBackend be = CudaBackends.get(name);
        for (DType dt : DType.values()) {
            for (int n : SIZES) {
                String label = "gru n=" + n + " " + dt;
                Storage pre = random(3 * n, -3, 3), hPrev = random(n, -1, 1);
                Storage act = Storage.onHost(DType.F64, 3 * n), resetH = Storage.onHost(DType.F64, n);
                ref.gruGatesForward(n, pre, 0, hPrev, 0, act, 0, resetH, 0);
                CudaStorage dAct = be.allocate(dt, 3 * n), dResetH = be.allocate(dt, n);
                be.gruGatesForward(n, be.upload(as(dt, pre)), 0, be.upload(as(dt, hPrev)), 0, dAct, 0, dResetH, 0);
                same(name, label + " gates forward act", act, be.download(dAct));
                same(name, label + " gates forward r⊙h", resetH, be.download(dResetH));

                Storage gates = as(dt, act);   // z, r as the F32 kernel has them
                Storage actState = as(DType.F64, gates), h = Storage.onHost(DType.F64, n);
                ref.gruStateForward(n, pre, 0, hPrev, 0, actState, 0, h, 0);
                CudaStorage dGates = be.upload(gates), dH = be.allocate(dt, n);
                be.gruStateForward(n, be.upload(as(dt, pre)), 0, be.upload(as(dt, hPrev)), 0, dGates, 0, dH, 0);
                same(name, label + " state forward act", actState, be.download(dGates));
                same(name, label + " state forward h", h, be.download(dH));

                Storage saved = as(dt, actState);
                Storage dh = random(n, -1, 1), dResetHIn = random(n, -1, 1), dpre0 = random(3 * n, -9, 9);
                for (int upStep : new int[] {0, 1}) {
                    Storage up = random(n, -1, 1);
                    Storage dhWant = as(DType.F64, dh), dpreWant = as(DType.F64, dpre0);
                    ref.gruStateBackward(n, as(DType.F64, saved), 0, up, 0, upStep, dhWant, 0, dpreWant, 0);
                    CudaStorage dDh = be.upload(as(dt, dh)), dDpre = be.upload(as(dt, dpre0));
                    be.gruStateBackward(n, be.upload(saved), 0, be.upload(as(dt, up)), 0, upStep, dDh, 0, dDpre, 0);
                    same(name, label + " state backward dh upStep=" + upStep, dhWant, be.download(dDh));
                    same(name, label + " state backward dpre upStep=" + upStep, dpreWant, be.download(dDpre));
                }
                Storage dhPrevWant = Storage.onHost(DType.F64, n), dpreWant = as(DType.F64, dpre0);
                ref.gruGatesBackward(n, as(DType.F64, saved), 0, hPrev, 0, dh, 0, dResetHIn, 0, dhPrevWant, 0, dpreWant, 0);
                CudaStorage dDhPrev = be.allocate(dt, n), dDpre = be.upload(as(dt, dpre0));
                be.gruGatesBackward(n, be.upload(saved), 0, be.upload(as(dt, hPrev)), 0, be.upload(as(dt, dh)), 0,
                        be.upload(as(dt, dResetHIn)), 0, dDhPrev, 0, dDpre, 0);
                same(name, label + " gates backward dh_prev", dhPrevWant, be.download(dDhPrev));
                same(name, label + " gates backward dpre", dpreWant, be.download(dDpre));
            }
        }
    }
}

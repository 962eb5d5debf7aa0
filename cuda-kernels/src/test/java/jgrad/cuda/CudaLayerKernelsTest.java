package jgrad.cuda;

import java.util.Random;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.nn.layers.Attention;
import jgrad.tensor.Tensor;

/**
 * The attention-pooling launchers of {@link CudaBackend} (attention.cu) on each CUDA driver, against the
 * engine's own dot-score {@link Attention} run in F64 through autograd; F32 at float tolerance.
 * (The LSTM step launchers are checked against the Backend default in {@link CudaBackendTest}.)
 */
class CudaLayerKernelsTest {

    private static final DType[] DTYPES = DType.values();
    /** (T, d): one position, and T below, between and above the block widths (32 … 256 threads). */
    private static final int[][] SHAPES = {{1, 1}, {3, 33}, {33, 3}, {130, 5}, {300, 2}};

    private enum Mask { NONE, SOME, ALL_DROPPED }

    private final Random random = new Random(20260601);

    /** An F64 tensor of values in [−r, r), exact in F32 too so both dtypes get the same inputs. */
    private Tensor random(double r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * r);
        }
        return Tensor.of(v, shape);
    }

    /** The tensor's elements in row-major order, as a host storage of the kernel's dtype. */
    private static Storage store(DType dt, Tensor t) {
        Tensor c = t.contiguous();
        Storage s = Storage.onHost(dt, c.numel());
        for (int i = 0; i < s.length(); i++) {
            s.set(i, c.storage().get(c.offset() + i));
        }
        return s;
    }

    /**
     * α, c, and through autograd ∂L/∂x, ∂L/∂h for L = Σ gα ⊙ α + Σ gc ⊙ c (gα absent in every other case,
     * as when only c is used). The score gradient de is checked against the softmax backward written out
     * from the engine's α. Masks: none, random with row 1 fully dropped, everything dropped.
     */
    @CudaBackends.OnEach
    void attentionPoolingAgainstTheEngineAttention(String name) {
        CudaBackend be = CudaBackends.get(name);
        int cases = 0;
        for (DType dt : DTYPES) {
            for (int b : new int[] {1, 3}) {
                for (int[] shape : SHAPES) {
                    for (Mask mask : Mask.values()) {
                        check(be, name, dt, b, shape[0], shape[1], mask, cases++ % 2 == 0);
                    }
                }
            }
        }
    }

    private void check(CudaBackend be, String name, DType dt, int b, int steps, int d, Mask maskKind, boolean withGAlpha) {
        Tensor x = random(1, b, steps, d).requiresGrad(true);
        Tensor h = random(1, b, d).requiresGrad(true);
        Tensor mask = maskKind == Mask.NONE ? null : maskOf(maskKind, b, steps);
        Attention.Output out = new Attention(Attention.Score.DOT, d, d, 0, DType.F64, null).forward(x, h, mask);
        Tensor gAlpha = withGAlpha ? random(1, b, steps) : null;
        Tensor gc = random(1, b, d);
        Tensor loss = out.c().mul(gc).sum();
        if (gAlpha != null) {
            loss = loss.add(out.alpha().mul(gAlpha).sum());
        }
        loss.backward();
        Tensor alpha = out.alpha().detach();
        Tensor dAlpha = x.detach().matmul(gc.unsqueeze(2)).squeeze(2);  // gc · x_t
        if (gAlpha != null) {
            dAlpha = dAlpha.add(gAlpha);
        }
        Tensor de = alpha.mul(dAlpha.sub(alpha.mul(dAlpha).sum(1, true)));

        CudaStorage dx = be.upload(store(dt, x.detach())), dh = be.upload(store(dt, h.detach()));
        CudaStorage dAlphaOut = be.allocate(dt, b * steps), dc = be.allocate(dt, b * d);
        be.attentionPoolForward(b, steps, d, dx, dh, mask == null ? null : be.upload(store(dt, mask)), dAlphaOut, dc);
        CudaStorage dDe = be.allocate(dt, b * steps), gradX = be.allocate(dt, b * steps * d), gradH = be.allocate(dt, b * d);
        be.attentionPoolBackward(b, steps, d, dx, dh, be.upload(store(dt, alpha)),
                gAlpha == null ? null : be.upload(store(dt, gAlpha)), be.upload(store(dt, gc)), dDe, gradX, gradH);

        double scale = dt == DType.F32 ? 1 + d : 1;  // an F32 score is a sum of d products
        String label = name + " attention B=" + b + " T=" + steps + " d=" + d + " mask " + maskKind
                + (withGAlpha ? " with gα " : " ") + dt;
        boolean gpu = name.equals("cuda");
        DeviceBuffers.same(label + " α", store(DType.F64, alpha), be.download(dAlphaOut), scale, gpu);
        DeviceBuffers.same(label + " c", store(DType.F64, out.c().detach()), be.download(dc), scale, gpu);
        DeviceBuffers.same(label + " de", store(DType.F64, de), be.download(dDe), scale * (1 + steps), gpu);
        DeviceBuffers.same(label + " dx", store(DType.F64, x.grad()), be.download(gradX), scale * (1 + steps), gpu);
        DeviceBuffers.same(label + " dh", store(DType.F64, h.grad()), be.download(gradH), scale * (1 + steps), gpu);
    }

    /** 1 keep, 0 drop. SOME: random with at least one kept position per row, except row 1 all dropped. */
    private Tensor maskOf(Mask kind, int b, int steps) {
        double[] m = new double[b * steps];
        if (kind == Mask.SOME) {
            for (int r = 0; r < b; r++) {
                if (r == 1) {
                    continue;
                }
                for (int t = 0; t < steps; t++) {
                    m[r * steps + t] = random.nextInt(3) == 0 ? 0 : 1;
                }
                m[r * steps + random.nextInt(steps)] = 1;
            }
        }
        return Tensor.of(m, b, steps);
    }
}

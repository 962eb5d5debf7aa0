package jgrad.cuda;

import static jgrad.cuda.DeviceBuffers.OFFSET;

import java.util.List;
import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.backend.ScalarBackend;
import jgrad.backend.Storage;

/**
 * The window kernels of conv.cu, im2col and col2im, against {@link ScalarBackend} on each CUDA driver:
 * strides, paddings and dilations, 1-d rows, a geometry larger than one grid, F32 and F64, operands at
 * an offset inside NaN-padded buffers. im2col copies, so it must match bit for bit; col2im sums the
 * same terms in another order (one thread per input element), so it matches to rounding.
 */
class CudaConvKernelsTest {

    private static final List<ConvGeometry> GEOMETRIES = List.of(
            new ConvGeometry(1, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1),
            new ConvGeometry(2, 3, 5, 6, 3, 3, 1, 1, 1, 1, 1, 1),
            new ConvGeometry(2, 2, 7, 8, 2, 3, 2, 2, 0, 1, 1, 1),
            new ConvGeometry(3, 2, 9, 7, 3, 2, 3, 1, 2, 1, 2, 3),
            new ConvGeometry(1, 4, 1, 17, 1, 3, 1, 2, 0, 2, 1, 2),
            new ConvGeometry(0, 2, 4, 4, 2, 2, 1, 1, 0, 0, 1, 1),
            new ConvGeometry(16, 32, 13, 13, 3, 3, 1, 1, 0, 0, 1, 1));   // 1.4 M column entries: the grid wraps

    private final ScalarBackend ref = new ScalarBackend();

    @CudaBackends.OnEach
    void im2colAndCol2imMatchTheReference(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 14);
        for (DType dt : DType.values()) {
            for (ConvGeometry g : GEOMETRIES) {
                int n = g.inputSize();
                int m = g.patchSize() * g.positions();
                Storage x = buf.random(dt, n);
                for (double pad : new double[] {0, Double.NEGATIVE_INFINITY}) {
                    Storage want = Storage.onHost(dt, m);
                    ref.im2col(g, pad, x, 0, want, 0);
                    CudaStorage cols = buf.output(dt, m);
                    be.im2col(g, pad, buf.padded(x), OFFSET, cols, OFFSET);
                    DeviceBuffers.exactly(name + " im2col " + g + " pad " + pad + " " + dt, want,
                            buf.values("im2col", cols, m));
                }
                Storage c = buf.random(dt, m);
                Storage want = Storage.onHost(dt, n);
                ref.col2im(g, c, 0, want, 0);
                CudaStorage dx = buf.output(dt, n);
                be.col2im(g, buf.padded(c), OFFSET, dx, OFFSET);
                DeviceBuffers.same(name + " col2im " + g + " " + dt, want, buf.values("col2im", dx, n),
                        3 * g.kh() * g.kw(), name.equals("cuda"));
            }
        }
    }
}

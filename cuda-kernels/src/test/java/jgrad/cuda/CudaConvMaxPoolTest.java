package jgrad.cuda;

import static jgrad.cuda.DeviceBuffers.OFFSET;

import java.util.List;
import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.backend.ScalarBackend;
import jgrad.backend.Storage;

/**
 * The convolution with ReLU and max pooling in one call ({@link jgrad.backend.Backend#convMaxPool}) on each CUDA
 * driver, which runs the default composition on the device (convForward into the record, maxPool, and back),
 * against {@link ScalarBackend}: y and the three gradients, F32 and F64, inputs at an offset in NaN-padded buffers.
 */
class CudaConvMaxPoolTest {

    private static final List<ConvGeometry> GEOMETRIES = List.of(
            new ConvGeometry(2, 1, 9, 8, 3, 3, 1, 1, 0, 0, 1, 1),
            new ConvGeometry(3, 4, 7, 7, 3, 3, 1, 1, 1, 1, 1, 1));
    private static final int FILTERS = 5;

    private final ScalarBackend ref = new ScalarBackend();

    @CudaBackends.OnEach
    void convMaxPoolMatchesTheReference(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 15);
        boolean gpu = name.equals("cuda");
        for (DType dt : DType.values()) {
            for (ConvGeometry g : GEOMETRIES) {
                ConvGeometry pool = new ConvGeometry(g.batch(), FILTERS, g.outH(), g.outW(), 2, 2, 2, 2, 0, 0, 1, 1);
                int outputs = g.batch() * FILTERS * pool.outH() * pool.outW();
                int weights = FILTERS * g.patchSize();
                Storage x = buf.random(dt, g.inputSize());
                Storage w = buf.random(dt, weights);
                Storage b = buf.random(dt, FILTERS);
                Storage dy = buf.random(dt, outputs);
                Storage y = Storage.onHost(dt, outputs);
                Storage record = Storage.onHost(dt, ref.convMaxPoolRecordSize(dt, g, FILTERS, pool));
                ref.convMaxPool(g, FILTERS, pool, x, 0, w, 0, b, 0, y, record);
                Storage dx = Storage.onHost(dt, g.inputSize());
                Storage dW = Storage.onHost(dt, weights);
                Storage db = Storage.onHost(dt, FILTERS);
                ref.convMaxPoolBackward(g, FILTERS, pool, x, 0, w, 0, y, record, dy, 0, dx, 0, dW, db);

                Storage yDev = be.allocate(dt, outputs);
                Storage recordDev = be.allocate(dt, be.convMaxPoolRecordSize(dt, g, FILTERS, pool));
                CudaStorage xDev = buf.padded(x);
                CudaStorage wDev = buf.padded(w);
                be.convMaxPool(g, FILTERS, pool, xDev, OFFSET, wDev, OFFSET, buf.padded(b), OFFSET, yDev, recordDev);
                CudaStorage dxDev = buf.output(dt, g.inputSize());
                Storage dWDev = be.allocate(dt, weights);
                Storage dbDev = be.allocate(dt, FILTERS);
                be.convMaxPoolBackward(g, FILTERS, pool, xDev, OFFSET, wDev, OFFSET, yDev, recordDev, buf.padded(dy),
                        OFFSET, dxDev, OFFSET, dWDev, dbDev);
                String what = name + " " + g + " " + dt;
                double scale = g.patchSize();
                DeviceBuffers.same(what + " y", y, be.download(yDev), scale, gpu);
                DeviceBuffers.same(what + " dx", dx, buf.values("dx", dxDev, g.inputSize()), scale, gpu);
                DeviceBuffers.same(what + " dW", dW, be.download(dWDev), scale * g.batch() * g.outH() * g.outW(), gpu);
                DeviceBuffers.same(what + " db", db, be.download(dbDev), g.batch() * g.outH() * g.outW(), gpu);
            }
        }
    }
}

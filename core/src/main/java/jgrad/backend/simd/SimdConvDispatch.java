package jgrad.backend.simd;

import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.backend.Storage;

/**
 * The part of {@link SimdBackend}'s dispatch table for convolution and pooling: im2col and col2im
 * ({@link SimdConv}), the fused convolutions ({@link SimdConvolution}, {@link SimdConvRows}), max pooling
 * ({@link SimdPooling}) and the convolution fused with its pooling ({@link SimdConvPool}). F32 storages go to
 * those kernels; anything else to the layer this class extends.
 */
abstract class SimdConvDispatch extends SimdSequenceDispatch {

    @Override
    public void im2col(ConvGeometry g, double padValue, Storage x, int xOff, Storage cols, int colsOff) {
        if (x instanceof Storage.F32 fx && cols instanceof Storage.F32 fc) {
            SimdConv.im2col(g, (float) padValue, fx.a, xOff, fc.a, colsOff);
        } else {
            super.im2col(g, padValue, x, xOff, cols, colsOff);
        }
    }

    @Override
    public void convForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                            Storage b, int bOff, Storage z, int zOff) {
        if (x instanceof Storage.F32 fx && w instanceof Storage.F32 fw && b instanceof Storage.F32 fb
                && z instanceof Storage.F32 fz) {
            SimdConvolution.forward(g, filters, relu, fx.a, xOff, fw.a, wOff, fb.a, bOff, fz.a, zOff);
        } else {
            super.convForward(g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
        }
    }

    @Override
    public void convBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                             Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW, Storage db) {
        if (x instanceof Storage.F32 fx && w instanceof Storage.F32 fw && z instanceof Storage.F32 fz
                && dz instanceof Storage.F32 fdz) {
            SimdConvolution.backward(g, filters, relu, fx.a, xOff, fw.a, wOff, fz.a, zOff, fdz.a, dzOff, floats(dx),
                    dxOff, floats(dW), floats(db));
        } else {
            super.convBackward(g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
        }
    }

    @Override
    public void convRowsForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                Storage b, int bOff, Storage z, int zOff) {
        if (SimdConvRows.applies(g) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && b instanceof Storage.F32 fb && z instanceof Storage.F32 fz) {
            SimdConvRows.forward(g, filters, relu, fx.a, xOff, fw.a, wOff, fb.a, bOff, fz.a, zOff);
        } else {
            super.convRowsForward(g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
        }
    }

    @Override
    public void convRowsBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                 Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW,
                                 Storage db) {
        if (SimdConvRows.applies(g) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && z instanceof Storage.F32 fz && dz instanceof Storage.F32 fdz) {
            SimdConvRows.backward(g, filters, relu, fx.a, xOff, fw.a, wOff, fz.a, zOff, fdz.a, dzOff, floats(dx),
                    dxOff, floats(dW), floats(db));
        } else {
            super.convRowsBackward(g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
        }
    }

    /** The float array of an F32 storage, or null for none. */
    private static float[] floats(Storage s) {
        return s == null ? null : ((Storage.F32) s).a;
    }

    @Override
    public void col2im(ConvGeometry g, Storage cols, int colsOff, Storage dx, int dxOff) {
        if (cols instanceof Storage.F32 fc && dx instanceof Storage.F32 fd) {
            SimdConv.col2im(g, fc.a, colsOff, fd.a, dxOff);
        } else {
            super.col2im(g, cols, colsOff, dx, dxOff);
        }
    }

    @Override
    public void maxPool(ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy) {
            SimdPooling.maxPool(g, fx.a, xOff, fy.a, yOff);
        } else {
            super.maxPool(g, x, xOff, y, yOff);
        }
    }

    @Override
    public void maxPoolBackward(ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy, int dyOff,
                                Storage dx, int dxOff) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy && dy instanceof Storage.F32 fg
                && dx instanceof Storage.F32 fd) {
            SimdPooling.maxPoolBackward(g, fx.a, xOff, fy.a, yOff, fg.a, dyOff, fd.a, dxOff);
        } else {
            super.maxPoolBackward(g, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
        }
    }

    @Override
    public void convMaxPool(ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w, int wOff,
                            Storage b, int bOff, Storage y, Storage record) {
        if (SimdConvPool.serves(pool) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && b instanceof Storage.F32 fb && y instanceof Storage.F32 fy && record instanceof Storage.F32 fr) {
            SimdConvPool.forward(g, filters, pool, fx.a, xOff, fw.a, wOff, fb.a, bOff, fy.a, fr.a);
        } else {
            super.convMaxPool(g, filters, pool, x, xOff, w, wOff, b, bOff, y, record);
        }
    }

    @Override
    public int convMaxPoolRecordSize(DType dtype, ConvGeometry g, int filters, ConvGeometry pool) {
        return SimdConvPool.serves(pool) && dtype == DType.F32 ? SimdConvPool.recordSize(pool)
                : super.convMaxPoolRecordSize(dtype, g, filters, pool);
    }

    @Override
    public void convMaxPoolBackward(ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w,
                                    int wOff, Storage y, Storage record, Storage dy, int dyOff, Storage dx, int dxOff,
                                    Storage dW, Storage db) {
        if (SimdConvPool.serves(pool) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && record instanceof Storage.F32 fr && dy instanceof Storage.F32 fdy) {
            SimdConvPool.backward(g, filters, pool, fx.a, xOff, fw.a, wOff, fr.a, fdy.a, dyOff, floats(dx), dxOff,
                    floats(dW), floats(db));
        } else {
            super.convMaxPoolBackward(g, filters, pool, x, xOff, w, wOff, y, record, dy, dyOff, dx, dxOff, dW, db);
        }
    }
}

package jgrad.backend.simd;

import jgrad.backend.ScalarBackend;
import jgrad.backend.Storage;
import jgrad.backend.UnaryOp;

/**
 * The part of {@link SimdBackend}'s dispatch table for the sequence models' kernels: the fused steps of the
 * recurrent cells ({@link SimdLstm}, {@link SimdRnn}, {@link SimdGru}), attention ({@link SimdAttention},
 * {@link SimdAttentionSoftmax}) and layer normalization ({@link SimdLayerNorm}). F32 storages go to those
 * kernels; anything else to the scalar reference this class extends.
 */
abstract class SimdSequenceDispatch extends ScalarBackend {

    @Override
    public void lstmStepForward(int n, Storage pre, int preOff, Storage cPrev, int cPrevOff, Storage act, int actOff,
                                Storage c, int cOff, Storage tanhC, int tanhCOff, Storage h, int hOff) {
        if (pre instanceof Storage.F32 fp && cPrev instanceof Storage.F32 fcp && act instanceof Storage.F32 fa
                && c instanceof Storage.F32 fc && tanhC instanceof Storage.F32 ft && h instanceof Storage.F32 fh) {
            SimdLstm.forward(n, fp.a, preOff, fcp.a, cPrevOff, fa.a, actOff, fc.a, cOff, ft.a, tanhCOff, fh.a, hOff);
        } else {
            super.lstmStepForward(n, pre, preOff, cPrev, cPrevOff, act, actOff, c, cOff, tanhC, tanhCOff, h, hOff);
        }
    }

    @Override
    public void lstmStepBackward(int n, Storage act, int actOff, Storage cPrev, int cPrevOff, Storage tanhC,
                                 int tanhCOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dpre, int dpreOff) {
        if (act instanceof Storage.F32 fa && cPrev instanceof Storage.F32 fcp && tanhC instanceof Storage.F32 ft
                && dh instanceof Storage.F32 fdh && dc instanceof Storage.F32 fdc && dpre instanceof Storage.F32 fd) {
            SimdLstm.backward(n, fa.a, actOff, fcp.a, cPrevOff, ft.a, tanhCOff, fdh.a, dhOff, fdc.a, dcOff, fd.a, dpreOff);
        } else {
            super.lstmStepBackward(n, act, actOff, cPrev, cPrevOff, tanhC, tanhCOff, dh, dhOff, dc, dcOff, dpre, dpreOff);
        }
    }

    /*
     * The RNN's and the GRU's steps: fused where a row's several elementwise calls become one pass
     * (SimdRnn, SimdGru); the GRU's gate forward and attention pooling stay the composition, whose
     * GEMMs, σ and softmax are this backend's own.
     */

    @Override
    public void rnnStepBackward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff,
                                Storage up, int upOff, int upStep, Storage dh, int dhOff, Storage dpre, int dpreOff) {
        if (SimdRnn.fuses(sigma) && (upStep & ~1) == 0 && pre instanceof Storage.F32 fp && h instanceof Storage.F32 fh
                && up instanceof Storage.F32 fu && dh instanceof Storage.F32 fdh && dpre instanceof Storage.F32 fd) {
            SimdRnn.backward(sigma, (float) alpha, n, fp.a, preOff, fh.a, hOff, fu.a, upOff, upStep, fdh.a, dhOff,
                    fd.a, dpreOff);
        } else {
            super.rnnStepBackward(sigma, alpha, n, pre, preOff, h, hOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
        }
    }

    @Override
    public void attentionPoolBackward(int batch, int steps, int d, Storage x, Storage h, Storage alpha, Storage gAlpha,
                                      Storage gc, Storage de, Storage dx, Storage dh) {
        if (x instanceof Storage.F32 fx && h instanceof Storage.F32 fh && alpha instanceof Storage.F32 fa
                && (gAlpha == null || gAlpha instanceof Storage.F32) && gc instanceof Storage.F32 fg
                && de instanceof Storage.F32 fde && dx instanceof Storage.F32 fdx && dh instanceof Storage.F32 fdh) {
            SimdAttention.backward(batch, steps, d, fx.a, fh.a, fa.a, gAlpha == null ? null : ((Storage.F32) gAlpha).a,
                    fg.a, fde.a, fdx.a, fdh.a);
        } else {
            super.attentionPoolBackward(batch, steps, d, x, h, alpha, gAlpha, gc, de, dx, dh);
        }
    }

    @Override
    public void attentionSoftmax(int batch, int heads, int queries, int keys, double scale, boolean causal,
                                 Storage keep, Storage s, int sOff, Storage alpha) {
        if (s instanceof Storage.F32 fs && alpha instanceof Storage.F32 fa
                && (keep == null || keep instanceof Storage.F32)) {
            SimdAttentionSoftmax.forward(batch, heads, queries, keys, (float) scale, causal,
                    keep == null ? null : ((Storage.F32) keep).a, fs.a, sOff, fa.a);
        } else {
            super.attentionSoftmax(batch, heads, queries, keys, scale, causal, keep, s, sOff, alpha);
        }
    }

    @Override
    public void attentionSoftmaxBackward(int rows, int queries, int keys, double scale, boolean causal, Storage alpha,
                                         Storage g, int gOff, Storage ds) {
        if (alpha instanceof Storage.F32 fa && g instanceof Storage.F32 fg && ds instanceof Storage.F32 fd) {
            SimdAttentionSoftmax.backward(rows, queries, keys, (float) scale, causal, fa.a, fg.a, gOff, fd.a);
        } else {
            super.attentionSoftmaxBackward(rows, queries, keys, scale, causal, alpha, g, gOff, ds);
        }
    }

    @Override
    public void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                                 Storage y, Storage mean, Storage rstd) {
        if (x instanceof Storage.F32 fx && gamma instanceof Storage.F32 fg && beta instanceof Storage.F32 fb
                && y instanceof Storage.F32 fy && mean instanceof Storage.F32 fm && rstd instanceof Storage.F32 fr) {
            SimdLayerNorm.forward(rows, d, (float) eps, fx.a, xOff, fg.a, fb.a, fy.a, fm.a, fr.a);
        } else {
            super.layerNormForward(rows, d, eps, x, xOff, gamma, beta, y, mean, rstd);
        }
    }

    @Override
    public void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                                  Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        if (x instanceof Storage.F32 fx && gamma instanceof Storage.F32 fg && mean instanceof Storage.F32 fm
                && rstd instanceof Storage.F32 fr && dy instanceof Storage.F32 fdy && dx instanceof Storage.F32 fdx
                && dGamma instanceof Storage.F32 fdg && dBeta instanceof Storage.F32 fdb) {
            SimdLayerNorm.backward(rows, d, fx.a, xOff, fg.a, fm.a, fr.a, fdy.a, fdx.a, fdg.a, fdb.a);
        } else {
            super.layerNormBackward(rows, d, x, xOff, gamma, mean, rstd, dy, dx, dGamma, dBeta);
        }
    }

    @Override
    public void gruStateForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                Storage h, int hOff) {
        if (pre instanceof Storage.F32 fp && hPrev instanceof Storage.F32 fhp && act instanceof Storage.F32 fa
                && h instanceof Storage.F32 fh) {
            SimdGru.stateForward(n, fp.a, preOff, fhp.a, hPrevOff, fa.a, actOff, fh.a, hOff);
        } else {
            super.gruStateForward(n, pre, preOff, hPrev, hPrevOff, act, actOff, h, hOff);
        }
    }

    @Override
    public void gruStateBackward(int n, Storage act, int actOff, Storage up, int upOff, int upStep, Storage dh,
                                 int dhOff, Storage dpre, int dpreOff) {
        if ((upStep & ~1) == 0 && act instanceof Storage.F32 fa && up instanceof Storage.F32 fu
                && dh instanceof Storage.F32 fdh && dpre instanceof Storage.F32 fd) {
            SimdGru.stateBackward(n, fa.a, actOff, fu.a, upOff, upStep, fdh.a, dhOff, fd.a, dpreOff);
        } else {
            super.gruStateBackward(n, act, actOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
        }
    }

    @Override
    public void gruGatesBackward(int n, Storage act, int actOff, Storage hPrev, int hPrevOff, Storage dh, int dhOff,
                                 Storage dResetH, int dResetHOff, Storage dhPrev, int dhPrevOff, Storage dpre,
                                 int dpreOff) {
        if (act instanceof Storage.F32 fa && hPrev instanceof Storage.F32 fhp && dh instanceof Storage.F32 fdh
                && dResetH instanceof Storage.F32 fr && dhPrev instanceof Storage.F32 fdp
                && dpre instanceof Storage.F32 fd) {
            SimdGru.gatesBackward(n, fa.a, actOff, fhp.a, hPrevOff, fdh.a, dhOff, fr.a, dResetHOff, fdp.a, dhPrevOff,
                    fd.a, dpreOff);
        } else {
            super.gruGatesBackward(n, act, actOff, hPrev, hPrevOff, dh, dhOff, dResetH, dResetHOff, dhPrev, dhPrevOff,
                    dpre, dpreOff);
        }
    }
}

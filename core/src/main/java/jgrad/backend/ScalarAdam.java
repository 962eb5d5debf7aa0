package jgrad.backend;

/**
 * The scalar reference of Adam's kernels ({@link Backend#adam}, {@link Backend#adamRows}): the loops of
 * {@link AdamStep}'s formula, in float arithmetic for float storages (as PyTorch updates a float tensor) and in
 * double otherwise, with moments below the smallest normal number flushed to 0.
 */
final class ScalarAdam {

    private ScalarAdam() {
    }

    /** Adam's step on n elements (the formula in {@link AdamStep}), in float for float storages. */
    static void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step) {
        if (w instanceof Storage.F32 fw && m instanceof Storage.F32 fm && v instanceof Storage.F32 fv
                && g instanceof Storage.F32 fg) {
            adamF32(n, fw.a, wOff, fm.a, fv.a, fg.a, gOff, step);
            return;
        }
        double b1 = step.beta1(), b2 = step.beta2(), s = step.stepSize(), r = step.rootScale();
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double mi = flushed(b1 * m.get(p) + (1 - b1) * gi);
            double vi = flushed(b2 * v.get(p) + (1 - b2) * gi * gi);
            m.set(p, mi);
            v.set(p, vi);
            w.set(p, w.get(p) - s * mi / (Math.sqrt(vi) * r + step.epsilon()));
        }
    }

    /** Row by row: a looked-up row takes {@link #adam} with its gradient row, any other row the rule with g = 0. */
    static void adamRows(int rows, int rowLen, Storage w, int wOff, Storage m, Storage v, int[] ids, int count,
                         Storage g, int gOff, AdamStep step) {
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int p = wOff + r * rowLen;
            if (k < count && ids[k] == r) {
                adam(rowLen, w, p, m, v, g, gOff + k * rowLen, step);
                k++;
            } else {
                adamWithoutGradient(rowLen, w, p, m, v, g, step);
            }
        }
    }

    /**
     * {@link #adam} with g = 0: m ← β₁·m, v ← β₂·v, w ← w − (s·m) / (√v·r + ε). The same bits as
     * adding the zero terms: x + 0 is x for every x but −0, and a −0 moment is flushed to +0 either way. In float
     * where {@link #adam} would be (g's dtype is read for that only).
     */
    private static void adamWithoutGradient(int n, Storage w, int wOff, Storage m, Storage v, Storage g,
                                            AdamStep step) {
        if (w instanceof Storage.F32 fw && m instanceof Storage.F32 fm && v instanceof Storage.F32 fv
                && g instanceof Storage.F32) {
            float b1 = (float) step.beta1(), b2 = (float) step.beta2();
            float s = (float) step.stepSize(), r = (float) step.rootScale(), eps = (float) step.epsilon();
            for (int p = wOff; p < wOff + n; p++) {
                float mi = flushed(b1 * fm.a[p]);
                float vi = flushed(b2 * fv.a[p]);
                fm.a[p] = mi;
                fv.a[p] = vi;
                fw.a[p] -= s * mi / ((float) Math.sqrt(vi) * r + eps);
            }
            return;
        }
        double s = step.stepSize(), r = step.rootScale();
        for (int p = wOff; p < wOff + n; p++) {
            double mi = flushed(step.beta1() * m.get(p));
            double vi = flushed(step.beta2() * v.get(p));
            m.set(p, mi);
            v.set(p, vi);
            w.set(p, w.get(p) - s * mi / (Math.sqrt(vi) * r + step.epsilon()));
        }
    }

    /**
     * A moment of Adam below the smallest normal number becomes 0 ({@link AdamStep}): a moment that decays without
     * gradient would otherwise spend thousands of steps among the subnormals, where every operation on it costs a
     * CPU tens of times more, and moves its weight by less than 10⁻³⁰ there. NaN stays NaN.
     */
    static float flushed(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }

    /** {@link #flushed(float)} for double moments. */
    static double flushed(double x) {
        return Math.abs(x) < Double.MIN_NORMAL ? 0 : x;
    }

    /** {@link #adam} in float arithmetic, as a float tensor's update is in PyTorch. */
    private static void adamF32(int n, float[] w, int wOff, float[] m, float[] v, float[] g, int gOff, AdamStep s) {
        float b1 = (float) s.beta1(), a1 = (float) (1 - s.beta1());
        float b2 = (float) s.beta2(), a2 = (float) (1 - s.beta2());
        float step = (float) s.stepSize(), r = (float) s.rootScale(), eps = (float) s.epsilon();
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            float gi = g[gOff + i];
            float mi = flushed(b1 * m[p] + a1 * gi);
            float vi = flushed(b2 * v[p] + a2 * gi * gi);
            m[p] = mi;
            v[p] = vi;
            w[p] -= step * mi / ((float) Math.sqrt(vi) * r + eps);
        }
    }
}

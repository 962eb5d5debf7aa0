package jgrad.backend;

/**
 * The reference loops of SGD, Adagrad, RMSprop and Adadelta ({@link OptimizerKernels}; Adam's are in
 * {@link ScalarAdam}).
 */
final class ScalarOptim {

    private ScalarOptim() {
    }

    // The rules below are the loops the optimizers ran before they became kernels: double arithmetic
    // on the stored values, rounded by set() to the storage's dtype.

    /** The reference of {@link Backend#sgd}. */
    static void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step) {
        double lr = step.lr(), mu = step.momentum();
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double d = g.get(gOff + i);
            if (step.hasMomentum()) {
                double bi = mu * b.get(p) + d;
                b.set(p, bi);
                d = step.nesterov() ? d + mu * bi : bi;
            }
            w.set(p, w.get(p) - lr * d);
        }
    }

    /** The reference of {@link Backend#adagrad}. */
    static void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double si = s.get(p) + gi * gi;
            s.set(p, si);
            w.set(p, w.get(p) - lr * gi / (Math.sqrt(si) + epsilon));
        }
    }

    /** The reference of {@link Backend#rmsprop}. */
    static void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double vi = rho * v.get(p) + (1 - rho) * gi * gi;
            v.set(p, vi);
            w.set(p, w.get(p) - lr * gi / (Math.sqrt(vi) + epsilon));
        }
    }

    /** The reference of {@link Backend#adadelta}. */
    static void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                         double epsilon) {
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double si = rho * s.get(p) + (1 - rho) * gi * gi;
            s.set(p, si);
            double d = Math.sqrt(u.get(p) + epsilon) / Math.sqrt(si + epsilon) * gi;
            u.set(p, rho * u.get(p) + (1 - rho) * d * d);
            w.set(p, w.get(p) - lr * d);
        }
    }
}

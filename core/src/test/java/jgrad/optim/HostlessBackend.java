package jgrad.optim;

import jgrad.backend.AdamStep;
import jgrad.backend.Backend;
import jgrad.backend.BinaryOp;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.ReduceOp;
import jgrad.backend.SgdStep;
import jgrad.backend.Storage;
import jgrad.backend.UnaryOp;

/**
 * A device like a GPU as far as Java can tell: its storages refuse {@code get}/{@code set}, so any host
 * loop over one of its numbers throws. Its kernels are the CPU backend's, run on the arrays the storages
 * hide, so results are the CPU's bit for bit. The LSTM steps are the interface's compositions.
 */
final class HostlessBackend implements Backend {

    final Device device = Device.create("hostless", this);
    private final Backend cpu = Device.CPU.backend();

    /** A storage of this device: its numbers are out of the host's reach. */
    private final class Hidden extends Storage {
        final Storage inner;

        Hidden(Storage inner) {
            this.inner = inner;
        }

        @Override public DType dtype() { return inner.dtype(); }
        @Override public Device device() { return device; }
        @Override public int length() { return inner.length(); }
        @Override public double get(int i) { throw refuseHostAccess("get"); }
        @Override public void set(int i, double v) { throw refuseHostAccess("set"); }
    }

    private Storage in(Storage s) {
        if (s == null) {
            return null;
        }
        if (!(s instanceof Hidden h) || h.device() != device) {
            throw new IllegalArgumentException("the hostless backend was given a " + s.device() + " storage");
        }
        return h.inner;
    }

    @Override public String name() { return "hostless"; }
    @Override public Device device() { return device; }
    @Override public Storage allocate(DType dtype, int length) { return new Hidden(Storage.onHost(dtype, length)); }
    @Override public Storage upload(Storage host) { return new Hidden(cpu.upload(host)); }
    @Override public Storage download(Storage mine) { return cpu.upload(in(mine)); }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, Storage a, int aOff, int lda, Storage b,
                     int bOff, int ldb, double beta, Storage c, int cOff, int ldc) {
        cpu.gemm(transA, transB, m, n, k, in(a), aOff, lda, in(b), bOff, ldb, beta, in(c), cOff, ldc);
    }

    @Override
    public void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep, Storage out,
                       int outOff) {
        cpu.binary(op, n, in(a), aOff, aStep, in(b), bOff, bStep, in(out), outOff);
    }

    @Override
    public void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        cpu.unary(op, n, in(x), xOff, in(out), outOff, alpha);
    }

    @Override
    public void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        cpu.unaryBackward(op, n, in(x), xOff, in(y), yOff, in(g), gOff, in(dx), dxOff, alpha);
    }

    @Override
    public void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff) {
        cpu.reduce(op, outer, len, inner, in(x), xOff, in(out), outOff);
    }

    @Override
    public void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log) {
        cpu.softmax(rows, cols, in(x), xOff, in(y), yOff, log);
    }

    @Override
    public void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                                boolean log) {
        cpu.softmaxBackward(rows, cols, in(y), yOff, in(g), gOff, in(dx), dxOff, log);
    }

    @Override
    public void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff) {
        cpu.gatherRows(ids, rowLen, in(table), tableOff, in(out), outOff);
    }

    @Override
    public void scatterAddRows(int[] ids, int rowLen, Storage src, int srcOff, Storage table, int tableOff) {
        cpu.scatterAddRows(ids, rowLen, in(src), srcOff, in(table), tableOff);
    }

    @Override
    public void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff) {
        cpu.copy(shape, in(src), srcOff, srcStrides, in(dst), dstOff);
    }

    @Override
    public void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff) {
        cpu.where(n, in(cond), cOff, in(a), aOff, in(b), bOff, in(out), outOff);
    }

    @Override
    public void convert(int n, Storage src, int srcOff, Storage dst, int dstOff) {
        cpu.convert(n, in(src), srcOff, in(dst), dstOff);
    }

    @Override
    public void fill(int n, Storage dst, int dstOff, double value) {
        cpu.fill(n, in(dst), dstOff, value);
    }

    @Override
    public void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step) {
        cpu.adam(n, in(w), wOff, in(m), in(v), in(g), gOff, step);
    }

    @Override
    public void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step) {
        cpu.sgd(n, in(w), wOff, in(b), in(g), gOff, step);
    }

    @Override
    public void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        cpu.adagrad(n, in(w), wOff, in(s), in(g), gOff, lr, epsilon);
    }

    @Override
    public void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        cpu.rmsprop(n, in(w), wOff, in(v), in(g), gOff, lr, rho, epsilon);
    }

    @Override
    public void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff, double l1,
                                double l2) {
        cpu.penaltyGradient(n, in(w), wOff, in(g), gOff, in(out), outOff, l1, l2);
    }

    @Override
    public void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff) {
        cpu.sumOfSquares(n, in(x), xOff, in(acc), accOff);
    }

    @Override
    public void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm) {
        cpu.clipToNorm(n, in(x), xOff, in(sumSq), sOff, maxNorm);
    }
}

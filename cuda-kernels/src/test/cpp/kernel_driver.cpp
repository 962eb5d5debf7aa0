// Runs the kernels of src/main/cuda on the host (through cuda_host_emu.h) for the JUnit tests.
// Reads commands from stdin, one per line: `<kernel> <f32|f64> <grid> <block> <arguments...>`, where
// an array is its length followed by its values; writes each command's output array on one line.
// Numbers are C99 hex floats, so nothing is lost in either direction.
#include "cuda_host_emu.h"

#include "../../main/cuda/elementwise.cu"
#include "../../main/cuda/reduce.cu"
#include "../../main/cuda/rows.cu"
#include "../../main/cuda/optim.cu"
#include "../../main/cuda/lstm.cu"
#include "../../main/cuda/attention.cu"
#include "../../main/cuda/random.cu"
#include "../../main/cuda/rnn.cu"
#include "../../main/cuda/gru.cu"

#include <iostream>
#include <map>
#include <string>

namespace {

int readInt() {
    long long v;
    if (!(std::cin >> v)) throw std::runtime_error("driver: expected an integer");
    return static_cast<int>(v);
}

// A Java long, sent in decimal; the kernels take its bits as an unsigned 64-bit integer.
unsigned long long readLong() {
    long long v;
    if (!(std::cin >> v)) throw std::runtime_error("driver: expected a 64-bit integer");
    return static_cast<unsigned long long>(v);
}

double readReal() {
    std::string s;
    if (!(std::cin >> s)) throw std::runtime_error("driver: expected a number");
    return std::strtod(s.c_str(), nullptr);
}

template <typename T> std::vector<T> readArray() {
    std::vector<T> v(readInt());
    for (T& x : v) x = static_cast<T>(readReal());
    return v;
}

std::vector<int> readInts() {
    std::vector<int> v(readInt());
    for (int& x : v) x = readInt();
    return v;
}

// An optional array: sent as length 0 for "none", which the kernels take as a null pointer.
template <typename T> const T* orNull(const std::vector<T>& v) { return v.empty() ? nullptr : v.data(); }

template <typename T> void write(const std::vector<T>& v) {
    std::printf("%zu", v.size());
    for (T x : v) {
        double d = x;
        if (std::isnan(d)) std::printf(" NaN");
        else if (std::isinf(d)) std::printf(d > 0 ? " Infinity" : " -Infinity");
        else std::printf(" %a", d);
    }
    std::printf("\n");
}

// The f32 or the f64 entry point of a kernel.
template <typename T, typename F32, typename F64> auto pick(F32 f32, F64 f64) {
    if constexpr (std::is_same_v<T, float>) return f32; else return f64;
}

template <typename T> void run(const std::string& name, dim3 g, dim3 b) {
    using emu::launch;
    if (name == "binary") {
        int op = readInt(), n = readInt(), aStep = readInt(), bStep = readInt();
        auto x = readArray<T>(), y = readArray<T>();
        std::vector<T> out(n);
        launch(g, b, pick<T>(binary_f32, binary_f64), op, n, x.data(), aStep, y.data(), bStep, out.data());
        write(out);
    } else if (name == "unary") {
        int op = readInt();
        T alpha = readReal();
        auto x = readArray<T>();
        std::vector<T> out(x.size());
        launch(g, b, pick<T>(unary_f32, unary_f64), op, (int)x.size(), x.data(), out.data(), alpha);
        write(out);
    } else if (name == "unary_backward") {
        int op = readInt();
        T alpha = readReal();
        auto x = readArray<T>(), y = readArray<T>(), gr = readArray<T>();
        std::vector<T> dx(x.size());
        launch(g, b, pick<T>(unary_backward_f32, unary_backward_f64), op, (int)x.size(), x.data(), y.data(),
               gr.data(), dx.data(), alpha);
        write(dx);
    } else if (name == "fill") {
        int n = readInt();
        T value = readReal();
        std::vector<T> out(n);
        launch(g, b, pick<T>(fill_f32, fill_f64), n, out.data(), value);
        write(out);
    } else if (name == "reduce_rows" || name == "reduce_cols") {
        int op = readInt(), outer = readInt(), len = readInt(), inner = readInt();
        auto x = readArray<T>();
        std::vector<T> out((size_t)outer * inner);
        if (name == "reduce_rows") launch(g, b, pick<T>(reduce_rows_f32, reduce_rows_f64), op, outer, len, x.data(), out.data());
        else launch(g, b, pick<T>(reduce_cols_f32, reduce_cols_f64), op, outer, len, inner, x.data(), out.data());
        write(out);
    } else if (name == "softmax") {
        int rows = readInt(), cols = readInt(), log = readInt();
        auto x = readArray<T>();
        std::vector<T> y(x.size());
        launch(g, b, pick<T>(softmax_f32, softmax_f64), rows, cols, x.data(), y.data(), log);
        write(y);
    } else if (name == "softmax_backward") {
        int rows = readInt(), cols = readInt(), log = readInt();
        auto y = readArray<T>(), gr = readArray<T>();
        std::vector<T> dx(y.size());
        launch(g, b, pick<T>(softmax_backward_f32, softmax_backward_f64), rows, cols, y.data(), gr.data(),
               dx.data(), log);
        write(dx);
    } else if (name == "gather_rows") {
        int rowLen = readInt();
        auto ids = readInts();
        auto table = readArray<T>();
        std::vector<T> out(ids.size() * rowLen);
        launch(g, b, pick<T>(gather_rows_f32, gather_rows_f64), (int)ids.size(), ids.data(), rowLen,
               table.data(), out.data());
        write(out);
    } else if (name == "scatter_add_rows") {
        int rowLen = readInt();
        auto ids = readInts();
        auto src = readArray<T>(), table = readArray<T>();
        launch(g, b, pick<T>(scatter_add_rows_f32, scatter_add_rows_f64), (int)ids.size(), ids.data(), rowLen,
               src.data(), table.data());
        write(table);
    } else if (name == "copy") {
        CopyGeometry geo{};
        geo.rank = readInt();
        if (geo.rank > JGRAD_MAX_RANK) throw std::runtime_error("driver: rank above JGRAD_MAX_RANK");
        long long total = 1;
        for (int d = 0; d < geo.rank; d++) total *= (geo.shape[d] = readInt());
        for (int d = 0; d < geo.rank; d++) geo.stride[d] = readInt();
        int srcOff = readInt();
        auto src = readArray<T>();
        std::vector<T> dst(total);
        launch(g, b, pick<T>(copy_f32, copy_f64), (int)total, geo, src.data() + srcOff, dst.data());
        write(dst);
    } else if (name == "sgd_momentum") {
        T lr = readReal(), momentum = readReal();
        auto p = readArray<T>(), v = readArray<T>(), gr = readArray<T>();
        launch(g, b, pick<T>(sgd_momentum_f32, sgd_momentum_f64), (int)p.size(), p.data(), v.data(), gr.data(),
               lr, momentum);
        write(p);
        write(v);
    } else if (name == "adam") {
        T lr = readReal(), b1 = readReal(), b2 = readReal(), eps = readReal(), c1 = readReal(), c2 = readReal();
        auto p = readArray<T>(), m = readArray<T>(), v = readArray<T>(), gr = readArray<T>();
        launch(g, b, pick<T>(adam_f32, adam_f64), (int)p.size(), p.data(), m.data(), v.data(), gr.data(), lr, b1,
               b2, eps, c1, c2);
        write(p);
        write(m);
        write(v);
    } else if (name == "sgd") {
        double lr = readReal(), momentum = readReal();
        int nesterov = readInt();
        auto p = readArray<T>(), v = readArray<T>(), gr = readArray<T>();  // v empty: no momentum buffer
        launch(g, b, pick<T>(sgd_f32, sgd_f64), (int)p.size(), p.data(), v.empty() ? nullptr : v.data(), gr.data(),
               lr, momentum, nesterov);
        write(p);
        write(v);
    } else if (name == "adagrad" || name == "rmsprop") {
        double lr = readReal(), rho = name == "rmsprop" ? readReal() : 0, eps = readReal();
        auto p = readArray<T>(), s = readArray<T>(), gr = readArray<T>();
        if (name == "adagrad") launch(g, b, pick<T>(adagrad_f32, adagrad_f64), (int)p.size(), p.data(), s.data(), gr.data(), lr, eps);
        else launch(g, b, pick<T>(rmsprop_f32, rmsprop_f64), (int)p.size(), p.data(), s.data(), gr.data(), lr, rho, eps);
        write(p);
        write(s);
    } else if (name == "penalty_gradient") {
        double l1 = readReal(), l2 = readReal();
        auto w = readArray<T>(), gr = readArray<T>();
        std::vector<T> out(w.size());
        launch(g, b, pick<T>(penalty_gradient_f32, penalty_gradient_f64), (int)w.size(), w.data(), gr.data(),
               out.data(), l1, l2);
        write(out);
    } else if (name == "sum_of_squares") {
        auto x = readArray<T>();
        auto acc = readArray<double>();  // one element, double whatever T is
        launch(g, b, pick<T>(sum_of_squares_f32, sum_of_squares_f64), (int)x.size(), x.data(), acc.data());
        write(acc);
    } else if (name == "clip_to_norm") {
        double maxNorm = readReal();
        auto x = readArray<T>();
        auto sumSq = readArray<double>();
        launch(g, b, pick<T>(clip_to_norm_f32, clip_to_norm_f64), (int)x.size(), x.data(), sumSq.data(), maxNorm);
        write(x);
    } else if (name == "lstm_step_forward") {
        auto pre = readArray<T>(), cPrev = readArray<T>();
        size_t n = cPrev.size();
        std::vector<T> act(4 * n), c(n), tanhC(n), h(n);
        launch(g, b, pick<T>(lstm_step_forward_f32, lstm_step_forward_f64), (int)n, pre.data(), cPrev.data(),
               act.data(), c.data(), tanhC.data(), h.data());
        write(act);
        write(c);
        write(tanhC);
        write(h);
    } else if (name == "lstm_step_backward") {
        auto act = readArray<T>(), cPrev = readArray<T>(), tanhC = readArray<T>(), dh = readArray<T>(),
             dc = readArray<T>();
        std::vector<T> dpre(act.size());
        launch(g, b, pick<T>(lstm_step_backward_f32, lstm_step_backward_f64), (int)cPrev.size(), act.data(),
               cPrev.data(), tanhC.data(), dh.data(), dc.data(), dpre.data());
        write(dpre);
        write(dc);
    } else if (name == "attention_forward") {
        int rows = readInt(), steps = readInt(), d = readInt();
        auto x = readArray<T>(), h = readArray<T>(), mask = readArray<T>();
        std::vector<T> alpha((size_t)rows * steps), c((size_t)rows * d);
        launch(g, b, pick<T>(attention_forward_f32, attention_forward_f64), rows, steps, d, x.data(), h.data(),
               orNull(mask), alpha.data(), c.data());
        write(alpha);
        write(c);
    } else if (name == "attention_backward") {
        int rows = readInt(), steps = readInt(), d = readInt();
        auto x = readArray<T>(), h = readArray<T>(), alpha = readArray<T>(), gAlpha = readArray<T>(),
             gc = readArray<T>();
        std::vector<T> de((size_t)rows * steps), dx(x.size()), dh(h.size());
        launch(g, b, pick<T>(attention_backward_f32, attention_backward_f64), rows, steps, d, x.data(), h.data(),
               alpha.data(), orNull(gAlpha), gc.data(), de.data(), dx.data(), dh.data());
        write(de);
        write(dx);
        write(dh);
    } else if (name == "rnn_step_forward") {
        int op = readInt();
        T alpha = readReal();
        auto pre = readArray<T>();
        std::vector<T> h(pre.size());
        launch(g, b, pick<T>(rnn_step_forward_f32, rnn_step_forward_f64), op, alpha, (int)pre.size(), pre.data(),
               h.data());
        write(h);
    } else if (name == "rnn_step_backward") {
        int op = readInt();
        T alpha = readReal();
        int upStep = readInt();
        auto pre = readArray<T>(), h = readArray<T>(), up = readArray<T>(), dh = readArray<T>();
        std::vector<T> dpre(pre.size());
        launch(g, b, pick<T>(rnn_step_backward_f32, rnn_step_backward_f64), op, alpha, (int)pre.size(), pre.data(),
               h.data(), up.data(), upStep, dh.data(), dpre.data());
        write(dh);
        write(dpre);
    } else if (name == "gru_gates_forward") {
        auto pre = readArray<T>(), hPrev = readArray<T>(), act = readArray<T>();
        std::vector<T> resetH(hPrev.size());
        launch(g, b, pick<T>(gru_gates_forward_f32, gru_gates_forward_f64), (int)hPrev.size(), pre.data(),
               hPrev.data(), act.data(), resetH.data());
        write(act);
        write(resetH);
    } else if (name == "gru_state_forward") {
        auto pre = readArray<T>(), hPrev = readArray<T>(), act = readArray<T>();
        std::vector<T> h(hPrev.size());
        launch(g, b, pick<T>(gru_state_forward_f32, gru_state_forward_f64), (int)hPrev.size(), pre.data(),
               hPrev.data(), act.data(), h.data());
        write(act);
        write(h);
    } else if (name == "gru_state_backward") {
        int upStep = readInt();
        auto act = readArray<T>(), up = readArray<T>(), dh = readArray<T>(), dpre = readArray<T>();
        launch(g, b, pick<T>(gru_state_backward_f32, gru_state_backward_f64), (int)dh.size(), act.data(), up.data(),
               upStep, dh.data(), dpre.data());
        write(dh);
        write(dpre);
    } else if (name == "gru_gates_backward") {
        auto act = readArray<T>(), hPrev = readArray<T>(), dh = readArray<T>(), dResetH = readArray<T>(),
             dpre = readArray<T>();
        std::vector<T> dhPrev(hPrev.size());
        launch(g, b, pick<T>(gru_gates_backward_f32, gru_gates_backward_f64), (int)hPrev.size(), act.data(),
               hPrev.data(), dh.data(), dResetH.data(), dhPrev.data(), dpre.data());
        write(dhPrev);
        write(dpre);
    } else if (name == "dropout_mask") {
        int n = readInt();
        unsigned long long seed = readLong(), offset = readLong();
        double p = readReal();
        std::vector<T> out(n);
        launch(g, b, pick<T>(dropout_mask_f32, dropout_mask_f64), n, seed, offset, p, out.data());
        write(out);
    } else if (name == "uniform") {
        int n = readInt();
        unsigned long long seed = readLong(), offset = readLong();
        T lo = readReal(), hi = readReal();
        std::vector<T> out(n);
        launch(g, b, pick<T>(uniform_f32, uniform_f64), n, seed, offset, lo, hi, out.data());
        write(out);
    } else {
        throw std::runtime_error("driver: unknown kernel " + name);
    }
}

}  // namespace

int main() {
    std::string name, dtype;
    try {
        while (std::cin >> name >> dtype) {
            dim3 g(readInt()), b(readInt());
            if (dtype == "f32") run<float>(name, g, b);
            else if (dtype == "f64") run<double>(name, g, b);
            else throw std::runtime_error("driver: unknown dtype " + dtype);
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    return 0;
}

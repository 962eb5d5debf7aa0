// The cuda-emu shared library: every kernel of src/main/cuda compiled for the host through
// cuda_host_emu.h, and the C functions jgrad.cuda.EmulatedDriver calls through java.lang.foreign.
// The quoted includes below are also the list of sources the driver ships and hashes.
#include "cuda_host_emu.h"

#include "elementwise.cu"
#include "reduce.cu"
#include "rows.cu"
#include "optim.cu"
#include "lstm.cu"
#include "rnn.cu"
#include "gru.cu"
#include "attention.cu"
#include "conv.cu"
#include "random.cu"
#include "emu_selftest.cu"

#include <cstring>
#include <mutex>

namespace {

struct Entry {
    const char* name;
    bool barriers;  // runs its threads as fibers (it calls __syncthreads), else as plain calls
    void (*launch)(const char*, bool, dim3, dim3, void**);
};

constexpr bool PLAIN = false;    // no __syncthreads: threads run as sequential calls
constexpr bool BARRIER = true;   // __syncthreads: threads run as fibers

#define ONE(kernel, sync) {#kernel, sync, &emu::launch<kernel>}
#define BOTH(kernel, sync) ONE(kernel##_f32, sync), ONE(kernel##_f64, sync)

// Every kernel the library launches. A kernel missing here cannot be launched (the tests compare this
// list with the __global__ functions of src/main/cuda); a BARRIER kernel listed PLAIN fails its launch.
const Entry KERNELS[] = {
    BOTH(binary, PLAIN),
    BOTH(unary, PLAIN),
    BOTH(unary_backward, PLAIN),
    BOTH(fill, PLAIN),
    BOTH(where, PLAIN),
    BOTH(convert, PLAIN),
    BOTH(reduce_rows, BARRIER),
    BOTH(reduce_cols, PLAIN),
    BOTH(softmax, BARRIER),
    BOTH(softmax_backward, BARRIER),
    BOTH(gather_rows, PLAIN),
    BOTH(scatter_add_rows, PLAIN),
    BOTH(copy, PLAIN),
    BOTH(sgd, PLAIN),
    BOTH(adagrad, PLAIN),
    BOTH(rmsprop, PLAIN),
    BOTH(adadelta, PLAIN),
    BOTH(penalty_gradient, PLAIN),
    BOTH(sum_of_squares, BARRIER),
    BOTH(clip_to_norm, PLAIN),
    BOTH(adam, PLAIN),
    BOTH(lstm_step_forward, PLAIN),
    BOTH(lstm_step_backward, PLAIN),
    BOTH(rnn_step_forward, PLAIN),
    BOTH(rnn_step_backward, PLAIN),
    BOTH(gru_gates_forward, PLAIN),
    BOTH(gru_state_forward, PLAIN),
    BOTH(gru_state_backward, PLAIN),
    BOTH(gru_gates_backward, PLAIN),
    BOTH(attention_forward, BARRIER),
    BOTH(attention_backward, BARRIER),
    BOTH(im2col, PLAIN),
    BOTH(col2im, PLAIN),
    BOTH(dropout_mask, PLAIN),
    BOTH(uniform, PLAIN),
    ONE(emu_divergent_sync, BARRIER),
    ONE(emu_unlisted_sync, PLAIN),
};
constexpr int COUNT = sizeof(KERNELS) / sizeof(KERNELS[0]);

std::mutex launchLock;   // one launch at a time: the emulation's block state is global
std::string lastError;   // the message of the last failed launch

}  // namespace

#define EXPORT extern "C" __attribute__((visibility("default")))

EXPORT int jgrad_emu_kernel_count() { return COUNT; }

EXPORT const char* jgrad_emu_kernel_name(int i) { return i >= 0 && i < COUNT ? KERNELS[i].name : nullptr; }

EXPORT int jgrad_emu_kernel_uses_barriers(int i) { return i >= 0 && i < COUNT && KERNELS[i].barriers; }

// The index of a kernel by name, or -1.
EXPORT int jgrad_emu_find(const char* name) {
    for (int i = 0; i < COUNT; i++) {
        if (std::strcmp(KERNELS[i].name, name) == 0) return i;
    }
    return -1;
}

// Runs kernel i on a grid × block (1-D) launch; 0 on success, else 1 and jgrad_emu_last_error() says why.
EXPORT int jgrad_emu_launch(int i, unsigned grid, unsigned block, void** params) {
    std::lock_guard<std::mutex> hold(launchLock);
    try {
        if (i < 0 || i >= COUNT) throw emu::LaunchError("no kernel number " + std::to_string(i));
        KERNELS[i].launch(KERNELS[i].name, KERNELS[i].barriers, dim3(grid), dim3(block), params);
        return 0;
    } catch (const std::exception& e) {
        lastError = e.what();
        return 1;
    }
}

EXPORT const char* jgrad_emu_last_error() { return lastError.c_str(); }

// Device memory: 64-byte aligned, zero-filled (as the backend's allocate promises), at least one byte.
EXPORT void* jgrad_emu_alloc(long long bytes) {
    std::size_t size = (static_cast<std::size_t>(bytes < 1 ? 1 : bytes) + 63) / 64 * 64;
    void* p = std::aligned_alloc(64, size);
    if (p != nullptr) std::memset(p, 0, size);
    return p;
}

EXPORT void jgrad_emu_free(void* p) { std::free(p); }

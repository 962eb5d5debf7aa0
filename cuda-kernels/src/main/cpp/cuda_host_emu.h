// Runs our .cu kernels on the host: included before the .cu files, it makes them plain C++20, so g++
// compiles the same source nvcc compiles. cuda_emu_exports.cpp is the one translation unit that includes
// it (the fiber switch below is a global symbol); the result is the cuda-emu backend's shared library.
//
// Launch model. The blocks of a grid run one after another on the calling thread (CUDA promises no
// order among blocks, so any order is faithful), and __shared__ becomes `static`: with one block alive
// at a time, a function-local static is exactly one block's shared memory. Inside a block, two modes:
//   - sequential: for kernels without __syncthreads, each CUDA thread is a plain call, thread 0 first.
//     No thread can observe another without a barrier or an atomic, so this is one legal schedule, and
//     a launch costs no more than its loop. __syncthreads() in this mode is an error naming the kernel:
//     the exports table says which kernels need barriers, and a wrong table fails loudly.
//   - fibers: for kernels with __syncthreads, every CUDA thread is a fiber with its own stack, all on
//     the calling OS thread. A fiber runs until it reaches __syncthreads() or the end of the kernel and
//     switches back to the block's scheduler; when every fiber has arrived, the scheduler checks that
//     they all arrived for the same reason (a __syncthreads that not every thread reaches is reported as
//     "divergent __syncthreads") and resumes them all. The switch is a few instructions on x86-64
//     (callee-saved registers, MXCSR and the x87 control word) and ucontext elsewhere.
// atomicAdd is std::atomic_ref::fetch_add.
// Not covered, so the kernels do not use them: warp intrinsics (__shfl*, __ballot*, __activemask), code
// relying on warp lockstep, dynamic shared memory (extern __shared__), cooperative groups and grid-wide
// sync, streams and events inside kernels, texture/surface memory, __ldg and other load/store
// intrinsics, fast-math intrinsics (__expf, ...), atomics other than atomicAdd. The host's libm replaces
// CUDA's math library, so the emulation checks the kernels' logic and indexing, not the last ulp.
#pragma once

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <math.h>
#include <stdexcept>
#include <string>
#include <sys/mman.h>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#if !defined(__x86_64__) || defined(JGRAD_EMU_UCONTEXT)
#define JGRAD_EMU_USE_UCONTEXT 1
#include <ucontext.h>
#endif

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static

struct uint3 { unsigned x, y, z; };
struct dim3 {
    unsigned x, y, z;
    dim3(unsigned x = 1, unsigned y = 1, unsigned z = 1) : x(x), y(y), z(z) {}
};

// One launch runs at a time (the exports serialize them), on one OS thread: plain globals suffice.
inline uint3 threadIdx;
inline uint3 blockIdx;
inline dim3 blockDim;
inline dim3 gridDim;

namespace emu {

// A launch the emulation refuses or a kernel breaking a rule: reported to the caller, never a crash.
struct LaunchError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Why a fiber last gave control back to the scheduler.
enum Arrival : char { SYNC, BLOCK_END };

constexpr std::size_t FIBER_STACK = 256 * 1024;  // kernels' frames are small; the guard page below catches overflow
constexpr std::size_t GUARD = 4096;
constexpr unsigned MAX_THREADS = 1024;  // CUDA's limit per block

struct Fiber {
    char* stack = nullptr;  // mapping of GUARD + FIBER_STACK bytes, the guard at the low end
    Arrival arrival = BLOCK_END;
#ifdef JGRAD_EMU_USE_UCONTEXT
    ucontext_t context;
#else
    void* sp = nullptr;  // saved stack pointer while suspended
#endif
};

struct State {
    const char* kernel = "none";     // the kernel being launched, for error messages
    bool sequential = true;
    std::vector<Fiber> fibers;       // grown on demand, stacks kept for the next launch
    Fiber* current = nullptr;
    void (*body)(void*) = nullptr;   // runs the kernel once for the current thread
    void* bodyArgs = nullptr;
#ifdef JGRAD_EMU_USE_UCONTEXT
    ucontext_t scheduler;
#else
    void* schedulerSp = nullptr;
#endif
};
inline State state;

}  // namespace emu

#ifndef JGRAD_EMU_USE_UCONTEXT
// void jgrad_emu_switch(void** save, void* load): pushes the callee-saved registers, MXCSR and the x87
// control word, stores the stack pointer in *save, loads `load` and pops the same frame from it.
asm(R"(
    .text
    .p2align 4
    .globl jgrad_emu_switch
    .hidden jgrad_emu_switch
    .type jgrad_emu_switch, @function
jgrad_emu_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size jgrad_emu_switch, .-jgrad_emu_switch
)");
extern "C" void jgrad_emu_switch(void** save, void* load);
#endif

namespace emu {

inline void toScheduler(Fiber* self) {
#ifdef JGRAD_EMU_USE_UCONTEXT
    swapcontext(&self->context, &state.scheduler);
#else
    jgrad_emu_switch(&self->sp, state.schedulerSp);
#endif
}

inline void toFiber(Fiber* f) {
    state.current = f;
#ifdef JGRAD_EMU_USE_UCONTEXT
    swapcontext(&state.scheduler, &f->context);
#else
    jgrad_emu_switch(&state.schedulerSp, f->sp);
#endif
}

// A fiber's whole life: run the kernel for its thread, report the block's end, wait for the next block.
[[noreturn]] inline void fiberMain() {
    for (;;) {
        Fiber* self = state.current;
        state.body(state.bodyArgs);
        self->arrival = BLOCK_END;
        toScheduler(self);
    }
}

extern "C" [[noreturn]] inline void jgrad_emu_fiber_entry() { fiberMain(); }

// Puts fiber f at the start of fiberMain, on a fresh frame at the top of its stack.
inline void reset(Fiber& f, unsigned index) {
    if (f.stack == nullptr) {
        void* m = mmap(nullptr, GUARD + FIBER_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) throw LaunchError("cannot map a fiber stack");
        mprotect(m, GUARD, PROT_NONE);
        f.stack = static_cast<char*>(m);
    }
    // Tops staggered by 64·index bytes within a page: at one offset, every fiber's frame would fall in
    // the same L1 cache sets (4K aliasing) and the switches would miss the cache.
    char* top = f.stack + GUARD + FIBER_STACK - (index % 64) * 64;
#ifdef JGRAD_EMU_USE_UCONTEXT
    getcontext(&f.context);
    f.context.uc_stack.ss_sp = f.stack + GUARD;
    f.context.uc_stack.ss_size = FIBER_STACK;
    f.context.uc_link = nullptr;
    makecontext(&f.context, reinterpret_cast<void (*)()>(&jgrad_emu_fiber_entry), 0);
#else
    // The frame jgrad_emu_switch pops: MXCSR + x87 control word, r15..rbp, then the address it returns
    // to, and a zero where a caller's return address would be. After the `ret`, rsp % 16 == 8, as at
    // the entry of any called function.
    auto* frame = reinterpret_cast<unsigned long long*>(top - 72);
    frame[0] = 0x1F80ull | (0x037Full << 32);  // default MXCSR, default x87 control word
    for (int r = 1; r <= 6; r++) frame[r] = 0;
    frame[7] = reinterpret_cast<unsigned long long>(&jgrad_emu_fiber_entry);
    frame[8] = 0;
    f.sp = frame;
#endif
    f.arrival = BLOCK_END;
}

inline uint3 threadOf(unsigned t, dim3 block) {
    return {t % block.x, t / block.x % block.y, t / (block.x * block.y)};
}

// One block, every thread a fiber, in rounds from one barrier to the next.
inline void runBlockAsFibers(unsigned count, dim3 block) {
    for (;;) {
        for (unsigned t = 0; t < count; t++) {
            threadIdx = threadOf(t, block);
            toFiber(&state.fibers[t]);
        }
        Arrival first = state.fibers[0].arrival;
        for (unsigned t = 1; t < count; t++) {
            if (state.fibers[t].arrival != first) {
                unsigned waiting = first == SYNC ? 0 : t, ended = first == SYNC ? t : 0;
                throw LaunchError(std::string("divergent __syncthreads in kernel ") + state.kernel + ", block ("
                                  + std::to_string(blockIdx.x) + "," + std::to_string(blockIdx.y) + ","
                                  + std::to_string(blockIdx.z) + "): thread " + std::to_string(waiting)
                                  + " waits at a barrier that thread " + std::to_string(ended)
                                  + " never reaches");
            }
        }
        if (first == BLOCK_END) return;
    }
}

// kernel<<<grid, block>>>(params...), synchronous. params as cuLaunchKernel takes them: params[i]
// points to the value of the kernel's i-th parameter.
template <typename... P, std::size_t... I>
std::tuple<std::remove_cvref_t<P>...> unpack(void (*)(P...), void** params, std::index_sequence<I...>) {
    return {*static_cast<std::remove_cvref_t<P>*>(params[I])...};
}

template <typename... P> constexpr std::size_t arity(void (*)(P...)) { return sizeof...(P); }

template <auto Kernel> void launch(const char* name, bool barriers, dim3 grid, dim3 block, void** params) {
    unsigned count = block.x * block.y * block.z;
    if (grid.x * grid.y * grid.z == 0 || count == 0 || count > MAX_THREADS) {
        throw LaunchError(std::string("invalid launch configuration for ") + name + ": grid "
                          + std::to_string(grid.x) + ", block " + std::to_string(count) + " threads");
    }
    auto args = unpack(Kernel, params, std::make_index_sequence<arity(Kernel)>{});
    using Args = decltype(args);
    state.kernel = name;
    state.sequential = !barriers;
    gridDim = grid;
    blockDim = block;
    if (!barriers) {
        for (unsigned z = 0; z < grid.z; z++)
            for (unsigned y = 0; y < grid.y; y++)
                for (unsigned x = 0; x < grid.x; x++) {
                    blockIdx = {x, y, z};
                    if (block.y == 1 && block.z == 1) {  // the common 1-D block, without divisions
                        for (unsigned t = 0; t < count; t++) {
                            threadIdx = {t, 0, 0};
                            std::apply(Kernel, args);
                        }
                    } else {
                        for (unsigned t = 0; t < count; t++) {
                            threadIdx = threadOf(t, block);
                            std::apply(Kernel, args);
                        }
                    }
                }
        return;
    }
    if (state.fibers.size() < count) state.fibers.resize(count);
    for (unsigned t = 0; t < count; t++) reset(state.fibers[t], t);
    state.body = [](void* a) { std::apply(Kernel, *static_cast<Args*>(a)); };
    state.bodyArgs = &args;
    for (unsigned z = 0; z < grid.z; z++)
        for (unsigned y = 0; y < grid.y; y++)
            for (unsigned x = 0; x < grid.x; x++) {
                blockIdx = {x, y, z};
                runBlockAsFibers(count, block);
            }
}

}  // namespace emu

inline void __syncthreads() {
    if (emu::state.sequential) {
        throw emu::LaunchError(std::string("kernel ") + emu::state.kernel + " called __syncthreads() but the "
                               "exports table (cuda_emu_exports.cpp) lists it as barrier-free: mark it BARRIER");
    }
    emu::Fiber* self = emu::state.current;
    self->arrival = emu::SYNC;
    emu::toScheduler(self);
}

template <typename T> T atomicAdd(T* address, T value) {
    return std::atomic_ref<T>(*address).fetch_add(value);
}

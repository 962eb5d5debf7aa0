// Runs our .cu kernels on the host: included before a .cu file, it makes that file plain C++20, so
// g++ can compile the same source nvcc compiles and the tests can check the kernels' arithmetic.
//
// Model: a launch starts one std::thread per CUDA thread of a block. They run the blocks one after
// another (CUDA promises no order among blocks, so any order is faithful) and meet at a std::barrier
// for __syncthreads. __shared__ becomes `static`: with one block alive at a time, a function-local
// static is exactly one block's shared memory. atomicAdd is an atomic_ref fetch_add.
// Not covered: warp intrinsics (__shfl*, __ballot*, __activemask), warp-synchronous code that relies
// on lockstep execution, dynamic shared memory (extern __shared__), cooperative groups, streams and
// events, texture/surface memory, device-side printf formatting quirks, and CUDA's math library
// accuracy (the host libm is used instead).
#pragma once

#include <atomic>
#include <barrier>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <math.h>
#include <thread>
#include <vector>

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

inline thread_local uint3 threadIdx;
inline thread_local uint3 blockIdx;
inline dim3 blockDim;  // set before a launch's threads start, read-only while they run
inline dim3 gridDim;

namespace emu {

// What each thread of the block arrived at the barrier for; all must agree, as CUDA requires.
enum Arrival : char { SYNC, BLOCK_END };

struct BlockState {
    std::vector<Arrival> arrivals;
    std::barrier<std::function<void()>>* barrier = nullptr;
};
inline BlockState block;
inline thread_local unsigned linearThread;

inline void checkArrivals() noexcept {
    for (Arrival a : block.arrivals) {
        if (a != block.arrivals[0]) {
            std::fprintf(stderr, "emu: divergent __syncthreads in block (%u,%u,%u): not every thread reached it\n",
                         blockIdx.x, blockIdx.y, blockIdx.z);
            std::abort();
        }
    }
}

inline void arrive(Arrival why) {
    block.arrivals[linearThread] = why;
    block.barrier->arrive_and_wait();
}

}  // namespace emu

inline void __syncthreads() { emu::arrive(emu::SYNC); }

template <typename T> T atomicAdd(T* address, T value) {
    return std::atomic_ref<T>(*address).fetch_add(value);
}

namespace emu {

// kernel<<<grid, block>>>(args...), synchronous.
template <typename... Params, typename... Args>
void launch(dim3 grid, dim3 threads, void (*kernel)(Params...), Args... args) {
    unsigned count = threads.x * threads.y * threads.z;
    if (grid.x * grid.y * grid.z == 0 || count == 0) {
        std::fprintf(stderr, "emu: empty launch configuration\n");  // CUDA refuses it as an invalid configuration
        std::abort();
    }
    gridDim = grid;
    blockDim = threads;
    block.arrivals.assign(count, BLOCK_END);
    std::barrier<std::function<void()>> barrier(count, [] { checkArrivals(); });
    block.barrier = &barrier;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < count; t++) {
        pool.emplace_back([=] {
            linearThread = t;
            threadIdx = {t % threads.x, t / threads.x % threads.y, t / (threads.x * threads.y)};
            for (unsigned z = 0; z < grid.z; z++)
                for (unsigned y = 0; y < grid.y; y++)
                    for (unsigned x = 0; x < grid.x; x++) {
                        blockIdx = {x, y, z};
                        kernel(args...);
                        arrive(BLOCK_END);  // no thread starts the next block while one is in this one
                    }
        });
    }
    for (auto& th : pool) th.join();
    block.barrier = nullptr;
}

}  // namespace emu

package jgrad.cuda;

import jcuda.driver.CUresult;
import jcuda.jcublas.cublasStatus;

/** A failed CUDA driver or cuBLAS call, naming the call (or kernel) and the CUDA error. */
public final class CudaException extends RuntimeException {

    public CudaException(String message) {
        super(message);
    }

    /** Throws unless {@code result} is CUDA_SUCCESS. */
    static void check(String call, int result) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(call + " failed: " + CUresult.stringFor(result));
        }
    }

    /** Throws unless {@code status} is CUBLAS_STATUS_SUCCESS. */
    static void checkBlas(String call, int status) {
        if (status != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(call + " failed: " + cublasStatus.stringFor(status));
        }
    }
}

package jgrad.backend;

/** Where a tensor's numbers live. Copies between devices are always explicit ({@code tensor.to(device)}). */
public enum Device {
    CPU, CUDA
}

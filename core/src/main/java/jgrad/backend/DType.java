package jgrad.backend;

/** Element types. F32 is the default; F64 is for verification (gradient checks, golden cases). */
public enum DType {
    F32(4), F64(8);

    /** Bytes per element. */
    public final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }
}

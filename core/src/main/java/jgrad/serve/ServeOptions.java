package jgrad.serve;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How a {@link ModelServer} listens and what it accepts: the address and port (0: any free port), the
 * largest request body in bytes (larger is a 413), and the largest {@code k} of {@code /recommend}.
 */
public record ServeOptions(InetAddress address, int port, int maxBodyBytes, int maxK) {

    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_K = 100;

    public ServeOptions {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0 … 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, got " + maxBodyBytes);
        }
        if (maxK < 1) {
            throw new IllegalArgumentException("the largest k must be at least 1, got " + maxK);
        }
    }

    /** Loopback only, on {@code port}, with the default limits. */
    public static ServeOptions loopback(int port) {
        return new ServeOptions(InetAddress.getLoopbackAddress(), port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_K);
    }

    public ServeOptions withMaxBodyBytes(int bytes) {
        return new ServeOptions(address, port, bytes, maxK);
    }

    public ServeOptions withMaxK(int k) {
        return new ServeOptions(address, port, maxBodyBytes, k);
    }
}

package jgrad.serve;

/**
 * Reads the models to serve, at start and at every reload: typically from model files on disk. A failure
 * (a missing, corrupt or tampered file) is thrown with a message that names the file and the problem; the
 * server then keeps the models it had.
 */
@FunctionalInterface
public interface ModelSource {

    ServingModels load() throws Exception;
}

package jgrad.spark;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How an executor turns a shipped model file into the object it scores with (a {@code RowScorer}, a
 * {@code Recommender}, ...). It travels to the executors inside a closure, so it must be serializable: a
 * lambda cast to this interface is.
 *
 * @param <M> what is loaded
 */
@FunctionalInterface
public interface ModelLoader<M> extends Serializable {

    /** Loads the model saved at {@code file} (a {@code NAME.safetensors} written by {@code ModelFiles.save}). */
    M load(Path file) throws Exception;
}

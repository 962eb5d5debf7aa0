package jgrad.io;

import java.util.Map;

/**
 * Something a model file can describe and rebuild through the {@link LayerRegistry} other than a
 * single-input {@link jgrad.nn.Layer} (which has the same two methods): multi-input merges and
 * whole functional models.
 */
public interface Describable {

    /** The registered type name. */
    String type();

    /** The arguments that rebuild it (JSON-writable). */
    Map<String, Object> config();
}

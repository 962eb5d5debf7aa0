package jgrad.nn;

import java.util.Map;

/**
 * Something a model file can describe and rebuild through {@link jgrad.io.LayerRegistry}: a layer,
 * a merge of several inputs, a whole model. The weights are not part of it (they are the module's
 * parameters).
 */
public interface Describable {

    /** The registered type name. */
    String type();

    /** The arguments that rebuild it (JSON-writable). */
    Map<String, Object> config();
}

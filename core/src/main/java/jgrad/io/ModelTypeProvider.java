package jgrad.io;

import java.util.Map;
import java.util.function.Function;

/**
 * A service ({@link java.util.ServiceLoader}) that makes layer and model types loadable from model files.
 * The {@link LayerRegistry} finds every provider on the class path (or module path) the first time it rebuilds
 * or checks a type, so {@link ModelFiles#load} needs no call beforehand. A library adds its types by
 * implementing this interface (a public class with a public no-argument constructor) and listing the class in
 * {@code META-INF/services/jgrad.io.ModelTypeProvider} (or {@code provides jgrad.io.ModelTypeProvider with …}
 * in its {@code module-info.java}).
 * <p>
 * A type name is the {@code type()} of a {@link jgrad.nn.Describable}; its factory takes back what
 * {@code config()} gave. Two providers may not give the same name.
 */
public interface ModelTypeProvider {

    /** Type name → the factory that rebuilds that type from its config. */
    Map<String, Function<Map<String, Object>, ?>> types();
}

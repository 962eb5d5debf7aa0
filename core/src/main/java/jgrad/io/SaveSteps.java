package jgrad.io;

import java.io.IOException;

/**
 * The named steps of a save ("temporary file created", "tensor 0.W written", "renamed over the
 * target", …), reported as each one completes. Production passes {@link #NONE}; tests pass one that
 * fails or kills the process at a chosen step, so that every step is proven safe to stop at, by
 * construction rather than by timing.
 */
@FunctionalInterface
interface SaveSteps {

    SaveSteps NONE = step -> { };

    void reached(String step) throws IOException;
}

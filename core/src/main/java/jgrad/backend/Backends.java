package jgrad.backend;

import java.lang.System.Logger.Level;

/**
 * Chooses the backend once per JVM. The Vector API backend when the {@code jdk.incubator.vector}
 * module is readable, the scalar reference otherwise. The system property {@code jgrad.backend}
 * ({@code scalar}, {@code simd}, {@code auto}) forces the choice; asking for {@code simd} where the
 * module is absent is an error rather than a silent fallback. The choice and its reason are logged.
 */
public final class Backends {

    private static final String SIMD_CLASS = "jgrad.backend.simd.SimdBackend";
    private static final System.Logger LOG = System.getLogger("jgrad");

    private static volatile Backend current;
    private static volatile String reason;
    private static final ScalarBackend SCALAR = new ScalarBackend();

    private Backends() {
    }

    /** The backend every tensor operation uses. */
    public static Backend current() {
        Backend b = current;
        if (b == null) {
            synchronized (Backends.class) {
                if (current == null) {
                    choose();
                }
                b = current;
            }
        }
        return b;
    }

    /** Why {@link #current()} is what it is. */
    public static String reason() {
        current();
        return reason;
    }

    /** The scalar reference backend (always available). */
    public static ScalarBackend scalar() {
        return SCALAR;
    }

    /** True when the Vector API module is readable in this JVM. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * A new SIMD backend, or an exception saying why there is none: a {@link BadSettingException} when a
     * {@code -Djgrad.*} switch its kernels read has a value it does not take, else an IllegalStateException.
     */
    public static Backend simd() {
        if (!vectorApiAvailable()) {
            throw new IllegalStateException("the SIMD backend needs the Vector API: start the JVM with "
                    + "--add-modules=jdk.incubator.vector (the ./jgrad launcher does)");
        }
        try {
            return (Backend) Class.forName(SIMD_CLASS).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable root = rootCause(e);
            if (root instanceof BadSettingException bad) {
                throw bad;
            }
            throw new IllegalStateException("the SIMD backend could not be loaded: "
                    + (root.getMessage() != null ? root.getMessage() : root.toString()), e);
        }
    }

    /** The throwable under the reflective and static-initializer wrappers, which say only that something failed. */
    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof ExceptionInInitializerError)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The SIMD GEMM's register tile and blocking as chosen for this CPU and vector width (each
     * overridable by a {@code -Djgrad.gemm.*} property), or why there is none.
     */
    public static String gemmPlan() {
        if (!vectorApiAvailable()) {
            return "none (no Vector API)";
        }
        try {
            return (String) Class.forName("jgrad.backend.simd.SimdGemmConfig").getMethod("describe").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "not available: " + cause;
        }
    }

    /** Replaces the current backend, for example with one from the CUDA module. */
    public static synchronized void use(Backend backend, String why) {
        current = backend;
        reason = why;
        LOG.log(Level.INFO, "jgrad backend: {0} ({1})", backend.name(), why);
    }

    private static void choose() {
        String forced = System.getProperty("jgrad.backend", "auto").trim().toLowerCase();
        switch (forced) {
            case "scalar" -> use(SCALAR, "forced by -Djgrad.backend=scalar");
            case "simd" -> use(simd(), "forced by -Djgrad.backend=simd");
            case "auto", "" -> {
                if (vectorApiAvailable()) {
                    use(simd(), "jdk.incubator.vector is readable");
                } else {
                    use(SCALAR, "jdk.incubator.vector is not in this JVM (no --add-modules=jdk.incubator.vector)");
                }
            }
            default -> throw new IllegalArgumentException("unknown -Djgrad.backend=" + forced
                    + " (expected scalar, simd or auto; cuda is selected with --backend cuda)");
        }
    }
}

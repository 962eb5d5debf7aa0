package jgrad;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of jgrad, as the build wrote it into {@code jgrad/version.properties}. */
public final class Version {

    private Version() {
    }

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/jgrad/version.properties")) {
            if (in == null) {
                return "unknown (no jgrad/version.properties on the class path)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}

package jgrad.backend;

import java.util.Locale;

/**
 * The engine's tuning switches, read once from system properties ({@code -Djgrad.NAME=VALUE}). A value
 * that is not what the switch takes is a {@link BadSettingException} naming the property and the
 * value, never a silent fall-back to the default: someone who set {@code -Djgrad.gemm.grain=1e6} and got
 * the default would measure the wrong thing and not know it.
 */
public final class Settings {

    private Settings() {
    }

    /** {@code -Djgrad.NAME}, a whole number ≥ {@code min}, or {@code defaultValue} when unset or blank. */
    public static int integer(String name, int defaultValue, int min) {
        long v = longInteger(name, defaultValue, min);
        if (v > Integer.MAX_VALUE) {
            throw bad(name, System.getProperty(key(name)), "must be at most " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** {@code -Djgrad.NAME}, a whole number ≥ {@code min}, or {@code defaultValue} when unset or blank. */
    public static long longInteger(String name, long defaultValue, long min) {
        String s = System.getProperty(key(name));
        return s == null || s.isBlank() ? defaultValue : parseWhole(name, s, min);
    }

    /** {@code -Djgrad.NAME}, {@code true} or {@code false} (any case), or {@code defaultValue} when unset or blank. */
    public static boolean flag(String name, boolean defaultValue) {
        String s = System.getProperty(key(name));
        if (s == null || s.isBlank()) {
            return defaultValue;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, s, "expected true or false");
        };
    }

    /** {@code value} given for {@code -Djgrad.NAME}, as a whole number ≥ {@code min}. */
    public static long parseWhole(String name, String value, long min) {
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, value, "not a whole number");
        }
        if (v < min) {
            throw bad(name, value, "must be at least " + min);
        }
        return v;
    }

    private static String key(String name) {
        return "jgrad." + name;
    }

    private static BadSettingException bad(String name, String value, String why) {
        return new BadSettingException("-D" + key(name) + "=" + value + ": " + why);
    }
}

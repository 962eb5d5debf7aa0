package jgrad.examples;

import jgrad.backend.Settings;

/**
 * The {@code -Djgrad.*} options given to the JVM, checked before any command runs, so that a bad
 * value is a usage error naming the option instead of a failure deep inside a kernel.
 */
final class JvmOptions {

    /** More threads than this many per processor only add switching. */
    static final int THREADS_PER_PROCESSOR = 4;

    private JvmOptions() {
    }

    /** Checks -Djgrad.threads: a whole number from 1 to {@link #THREADS_PER_PROCESSOR} × the processors. */
    static void check() {
        String threads = System.getProperty("jgrad.threads");
        if (threads == null) {
            return;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        int max = THREADS_PER_PROCESSOR * processors;
        long n;
        try {
            n = Settings.parseWhole("threads", threads, Long.MIN_VALUE);   // the range depends on the machine: below
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (n < 1 || n > max) {
            throw new UsageException("-Djgrad.threads=" + threads.trim() + " is outside 1 … " + max + " (this machine has "
                    + processors + " processor" + (processors == 1 ? "" : "s") + ")");
        }
    }
}

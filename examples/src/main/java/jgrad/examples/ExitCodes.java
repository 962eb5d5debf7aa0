package jgrad.examples;

/**
 * What {@code ./jgrad}'s exit status means, the same for every command (the README lists them):
 * a script can tell a wrong command line from bad data from a machine too small, without parsing text.
 */
final class ExitCodes {

    /** The command did what was asked (golden: every case passed). */
    static final int OK = 0;
    /** The command ran but its input was bad or its check failed: a missing or malformed file, a failed golden case. */
    static final int FAILED = 1;
    /** The command line is wrong: unknown command or option, a missing or repeated option, a bad value. */
    static final int USAGE = 2;
    /** A resource the command line asked for is absent: {@code --backend cuda} without a GPU. */
    static final int NO_DEVICE = 3;
    /** The work does not fit in this machine or JVM: out of memory, a size beyond what the heap can hold. */
    static final int TOO_LARGE = 4;
    /** A fault of jgrad itself (a bug): reported in one line, never as a stack trace. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}

package jgrad.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** Locates real data sets for tests, skipping the test with a message when they are absent. */
public final class TestData {

    private TestData() {
    }

    /** The folder {@code sub} of the shared data directory, or a skipped test. */
    public static Path require(String sub) {
        Optional<Path> dir = SharedData.find(sub);
        assumeTrue(dir.isPresent(), () -> "skipped: real data '" + sub + "' not found; " + SharedData.HOW_TO_GET);
        return dir.get();
    }
}

package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A library user who sets {@code -Djgrad.threads} badly is told so when the SIMD backend is made, in
 * words that name the property (the thread pool is read once per JVM, so each case runs in its own JVM).
 */
class BadThreadCountTest {

    /** Run in the child JVM: makes the SIMD backend and prints what went wrong. */
    public static void main(String[] args) {
        try {
            Backends.simd();
            System.out.println("made");
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
    }

    private static String childSays(String threads) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-Djgrad.threads=" + threads,
                "-cp", System.getProperty("java.class.path"), BadThreadCountTest.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b);
    }

    @Test
    void aWordOrZeroIsNamedWhenTheBackendIsMade() throws Exception {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "no Vector API in this run: no SIMD backend to make");
        String word = childSays("lots");
        assertTrue(word.contains("-Djgrad.threads=lots: not an integer"), word);
        String zero = childSays("0");
        assertTrue(zero.contains("-Djgrad.threads must be at least 1, got 0"), zero);
        assertEquals("made", childSays("1"));
    }
}

package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A user who sets a {@code -Djgrad.*} switch badly is told so, in words that name the property and the value,
 * when the SIMD backend is made (the switches are read once per JVM, so those cases run in a JVM of their own),
 * and {@link Settings} never falls back to the default on a value it cannot read.
 */
class BadSettingsTest {

    private static final String NAME = "test.setting";

    /** Run in the child JVM: makes the SIMD backend and prints what went wrong. */
    public static void main(String[] args) {
        try {
            Backends.simd();
            System.out.println("made");
        } catch (BadSettingException e) {
            System.out.println("bad setting: " + e.getMessage());
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
    }

    private static String childSays(String setting) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-D" + setting,
                "-cp", System.getProperty("java.class.path"), BadSettingsTest.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b);
    }

    @Test
    void aBadSwitchIsNamedWhenTheBackendIsMade() throws Exception {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "no Vector API in this run: no SIMD backend to make");
        String word = childSays("jgrad.threads=lots");
        assertTrue(word.contains("bad setting: -Djgrad.threads=lots: not a whole number"), word);
        String zero = childSays("jgrad.threads=0");
        assertTrue(zero.contains("-Djgrad.threads=0: must be at least 1"), zero);
        // read by classes a kernel loads later: checked when the backend is made all the same
        String depth = childSays("jgrad.gemm.kc=abc");
        assertTrue(depth.contains("bad setting: -Djgrad.gemm.kc=abc: not a whole number"), depth);
        String grain = childSays("jgrad.optim.grain=1e6");
        assertTrue(grain.contains("-Djgrad.optim.grain=1e6: not a whole number"), grain);
        String swap = childSays("jgrad.gemm.swap=yes");
        assertTrue(swap.contains("-Djgrad.gemm.swap=yes: expected true or false"), swap);
        assertEquals("made", childSays("jgrad.threads=1"));
    }

    @AfterEach
    void clear() {
        System.clearProperty("jgrad." + NAME);
    }

    @Test
    void settingsReadWhatIsGivenAndRejectTheRest() {
        assertEquals(7, Settings.integer(NAME, 7, 1));
        assertEquals(true, Settings.flag(NAME, true));
        System.setProperty("jgrad." + NAME, " 42 ");
        assertEquals(42, Settings.integer(NAME, 7, 1));
        assertEquals(42L, Settings.longInteger(NAME, 7, 1));
        System.setProperty("jgrad." + NAME, "");
        assertEquals(7, Settings.integer(NAME, 7, 1));
        System.setProperty("jgrad." + NAME, "0");
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> Settings.integer(NAME, 7, 1));
        assertEquals("-Djgrad.test.setting=0: must be at least 1", low.getMessage());
        System.setProperty("jgrad." + NAME, "3000000000");
        assertEquals(3_000_000_000L, Settings.longInteger(NAME, 7, 1));
        assertThrows(IllegalArgumentException.class, () -> Settings.integer(NAME, 7, 1));
        System.setProperty("jgrad." + NAME, "FALSE");
        assertEquals(false, Settings.flag(NAME, true));
        System.setProperty("jgrad." + NAME, "1");
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class, () -> Settings.flag(NAME, true));
        assertEquals("-Djgrad.test.setting=1: expected true or false", flag.getMessage());
    }
}

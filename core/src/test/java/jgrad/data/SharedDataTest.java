package jgrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {

    @Test
    void theSystemPropertyComesFirst(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("ml-100k"));
        String before = System.getProperty("jgrad.data");
        System.setProperty("jgrad.data", dir.toString());
        try {
            assertEquals(dir.toAbsolutePath().normalize(), SharedData.directory().orElseThrow());
            assertEquals(dir.resolve("ml-100k").toAbsolutePath().normalize(), SharedData.find("ml-100k").orElseThrow());
            assertTrue(SharedData.find("no-such-set").isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty("jgrad.data");
            } else {
                System.setProperty("jgrad.data", before);
            }
        }
    }
}

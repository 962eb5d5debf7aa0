package jgrad.privacy.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {

    @TempDir
    Path dir;

    /** RFC 4231, test case 1: key 0x0b × 20, data "Hi There". */
    @Test
    void tokenIsHmacSha256OfRfc4231() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                Pseudonymizer.withKey(key).token("Hi There"));
    }

    /** RFC 4231, test case 6: a 131-byte key of 0xaa (longer than the block, so it is hashed first). */
    @Test
    void longKeysAreHashedAsInRfc4231() {
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Pseudonymizer.withKey(key).token("Test Using Larger Than Block-Size Key - Hash Key First"));
    }

    @Test
    void sameIdSameTokenUnderOneKeyAndUnlinkedUnderAnother() {
        Pseudonymizer a = Pseudonymizer.withKey(bytes(16, 1));
        Pseudonymizer b = Pseudonymizer.withKey(bytes(16, 2));
        assertEquals(a.token("client-42"), a.token("client-42"));
        assertNotEquals(a.token("client-42"), a.token("client-43"));
        assertNotEquals(a.token("client-42"), b.token("client-42"));
    }

    @Test
    void keysShorterThan128BitsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.withKey(bytes(15, 7)));
        assertTrue(e.getMessage().contains("120 bits") && e.getMessage().contains("at least 128"), e.getMessage());
    }

    @Test
    void keyFilesAreHexAndTheirContentNeverAppearsInMessages() throws IOException {
        Path good = Files.writeString(dir.resolve("good.key"), "000102030405060708090a0b0c0d0e0f\n");
        Pseudonymizer p = Pseudonymizer.fromKeyFile(good);
        assertEquals(Pseudonymizer.withKey(bytes(16, 0)).token("x"), p.token("x"));
        assertFalse(p.toString().contains("0001020304"), p.toString());
        String secret = "correct horse battery staple";
        Path words = Files.writeString(dir.resolve("words.key"), secret);
        var e = assertThrows(IOException.class, () -> Pseudonymizer.fromKeyFile(words));
        assertTrue(e.getMessage().contains("words.key") && !e.getMessage().contains("horse"), e.getMessage());
        Path shortKey = Files.writeString(dir.resolve("short.key"), "deadbeefdeadbeef");
        var s = assertThrows(IOException.class, () -> Pseudonymizer.fromKeyFile(shortKey));
        assertTrue(s.getMessage().contains("64 bits") && !s.getMessage().contains("deadbeef"), s.getMessage());
    }

    /** Bytes {@code start, start+1, …}. */
    private static byte[] bytes(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }
}

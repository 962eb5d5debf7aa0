package jgrad.privacy.anonymize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonymization: {@code token(id) = hex(HMAC-SHA-256(key, UTF-8(id)))} (RFC 2104 over FIPS 180-4).
 * The same id maps to the same token under one key, so records of one person stay linkable inside a
 * release; without the key the mapping can neither be inverted nor recomputed (unlike a plain hash of
 * an id, which anyone can recompute over all possible ids), and a new key unlinks old tokens from new ones.
 * The key is held outside the data (a file of hex digits); it must have at least 128 bits. Neither the key
 * nor an id ever appears in a message or in {@link #toString()}.
 */
public final class Pseudonymizer {

    /** The shortest key accepted: 128 bits. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private Pseudonymizer(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonymization key has " + key.length * 8
                    + " bits; at least " + MIN_KEY_BYTES * 8 + " are needed");
        }
        this.key = key.clone();
    }

    /** A pseudonymizer with the given key bytes (copied). */
    public static Pseudonymizer withKey(byte[] key) {
        return new Pseudonymizer(key);
    }

    /**
     * Reads a key file: hex digits (whitespace ignored), at least 32 of them. Messages name the file and
     * what is wrong with it, never its content.
     */
    public static Pseudonymizer fromKeyFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("key file " + file + ": not a regular file");
        }
        if (Files.size(file) > 4096) {
            throw new IOException("key file " + file + ": larger than 4096 bytes, not a hex key");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
        if (text.isEmpty() || text.length() % 2 != 0 || !text.chars().allMatch(Pseudonymizer::isHexDigit)) {
            throw new IOException("key file " + file + ": must hold an even number of hex digits and nothing else");
        }
        byte[] key = HexFormat.of().parseHex(text);
        try {
            return new Pseudonymizer(key);
        } catch (IllegalArgumentException e) {
            throw new IOException("key file " + file + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The token of one identifier: 64 lower-case hex digits. */
    public String token(String id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA-256, " + key.length * 8 + "-bit key]";
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

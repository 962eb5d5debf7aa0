package jgrad.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings a text file may be declared in. */
public enum TextEncoding {
    UTF_8(StandardCharsets.UTF_8),
    /** ISO-8859-1: every byte is one character, so any file decodes; see {@link TextFiles} for the check. */
    LATIN_1(StandardCharsets.ISO_8859_1);

    private final Charset charset;

    TextEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /** "utf-8" or "latin-1" (also "iso-8859-1"), case-insensitive. */
    public static TextEncoding parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "utf-8", "utf8" -> UTF_8;
            case "latin-1", "latin1", "iso-8859-1" -> LATIN_1;
            default -> throw new IllegalArgumentException("unknown text encoding '" + name + "' (known: utf-8, latin-1)");
        };
    }
}

package jgrad.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The two kinds of data the campaign runs on, told apart by a CSV's header line. */
public enum CampaignData {

    /** UCI Bank Marketing's clients ({@code ;}-separated, outcome {@code y}): one offer, no control group. */
    BANK(List.of("age", "job", "y")),

    /** Hillstrom's randomized e-mail experiment: a control arm and two e-mails ({@code segment}). */
    HILLSTROM(List.of("recency", "history", "segment", "visit", "conversion"));

    /** A header longer than this is not one of ours. */
    static final int MAX_HEADER_CHARS = 1 << 16;

    private final List<String> required;

    CampaignData(List<String> required) {
        this.required = required;
    }

    /** The kind whose columns the header holds; an error names the file and the columns each kind needs. */
    public static CampaignData detect(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[MAX_HEADER_CHARS];
            int read = in.read(buffer);
            String text = read <= 0 ? "" : new String(buffer, 0, read);
            int end = text.indexOf('\n');
            if (end < 0 && read == MAX_HEADER_CHARS) {
                throw new IllegalArgumentException(file + ": line 1 is longer than " + MAX_HEADER_CHARS
                        + " characters; not a header");
            }
            header = (end < 0 ? text : text.substring(0, end)).strip();
        }
        return detect(header, file.toString());
    }

    /** The kind of the header line {@code header} of {@code source}. */
    public static CampaignData detect(String header, String source) {
        Set<String> columns = Arrays.stream(header.split("[;,]"))
                .map(c -> c.strip().replace("\"", "").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (CampaignData kind : values()) {
            if (columns.containsAll(kind.required)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(source + ": line 1: the header is neither UCI Bank Marketing's (needs "
                + BANK.required + ") nor Hillstrom's (needs " + HILLSTROM.required + ")");
    }

    /** {@code bank} or {@code hillstrom}. */
    public static CampaignData parse(String name) {
        return switch (name) {
            case "bank" -> BANK;
            case "hillstrom" -> HILLSTROM;
            default -> throw new IllegalArgumentException("the campaign's schema is bank or hillstrom, got '" + name + "'");
        };
    }
}

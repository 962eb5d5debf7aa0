package jgrad.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One training line of the copywriter: {@code "\n" + genres + "\t" + title + "\n"}. The network reads the
 * line from its first character and predicts each next one; only the title and the final newline are
 * predicted and scored (from {@link #titleStart()}), the genres are the prompt.
 */
public record CopyLine(String text, int titleStart) {

    public static final char START = '\n';
    public static final char SEPARATOR = '\t';
    public static final char END = '\n';

    private static final Pattern YEAR = Pattern.compile("\\s*\\(\\d{4}(?:[-–]\\d{0,4})?\\)\\s*$");
    private static final Pattern TRAILING_ARTICLE = Pattern.compile("^(.*), (The|A|An|Les|La|Le|L'|Il|Das|Der|Die|El)$");

    /** The prompt for genres ("Comedy|Romance"): the line up to the first character of the title. */
    public static String prompt(String genres) {
        if (genres.isBlank() || genres.indexOf(SEPARATOR) >= 0 || genres.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("genres must be a non-empty line without tabs, like 'Comedy|Romance', got '"
                    + genres + "'");
        }
        return START + genres + SEPARATOR;
    }

    /** The line of a title and its genres, the title cleaned by {@link #cleanTitle}. */
    public static CopyLine of(String genres, String title) {
        String prompt = prompt(genres);
        return new CopyLine(prompt + cleanTitle(title) + END, prompt.length());
    }

    /**
     * MovieLens's title as copy: without the year ("Heat (1995)" → "Heat") and with a trailing article put
     * back in front ("Matrix, The" → "The Matrix").
     */
    public static String cleanTitle(String title) {
        String t = YEAR.matcher(title).replaceAll("").trim();
        Matcher m = TRAILING_ARTICLE.matcher(t);
        if (m.matches()) {
            String article = m.group(2);
            t = article + (article.endsWith("'") ? "" : " ") + m.group(1);
        }
        return t;
    }

    /** The lines of (genres, title) pairs whose title is not empty once cleaned. */
    public static List<CopyLine> of(List<String> genres, List<String> titles) {
        List<CopyLine> lines = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            if (!cleanTitle(titles.get(i)).isEmpty()) {
                lines.add(of(genres.get(i), titles.get(i)));
            }
        }
        return lines;
    }
}

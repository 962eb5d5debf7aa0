package jgrad.segment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a marketer reads about one segment: its size and share of the rows, its outcome rate (subscription,
 * purchase; NaN without an outcome column), its mean silhouette (NaN when none of its rows was scored), and
 * the features that set it apart most, largest |standardized difference| first.
 */
public record SegmentProfile(int segment, int size, double share, double outcomeRate, double silhouette,
                             List<Distinction> distinctions) {

    public SegmentProfile {
        distinctions = List.copyOf(distinctions);
    }

    /**
     * How one feature differs in the segment from all rows. For a numeric column: the mean in the segment and
     * overall, and (mean_s − mean) / sd, sd the standard deviation over all rows. For a category
     * ({@code column=value}): its share in the segment and overall, and (p_s − p) / √(p(1 − p)), the same
     * difference for its 0/1 indicator.
     */
    public record Distinction(String feature, boolean categorical, double inSegment, double overall,
                              double standardizedDifference) {

        /** "job=student 12 % vs 2 %" for a category (shares in percent), "age 31.20 vs 40.02" for a number (means). */
        public String describe() {
            return categorical
                    ? String.format(Locale.ROOT, "%s %.0f %% vs %.0f %%", feature, 100 * inSegment, 100 * overall)
                    : String.format(Locale.ROOT, "%s %.2f vs %.2f", feature, inSegment, overall);
        }
    }

    /** The distinctions' {@link Distinction#describe()}, joined by "; ". */
    public String traits() {
        return distinctions().stream().map(Distinction::describe).collect(Collectors.joining("; "));
    }
}

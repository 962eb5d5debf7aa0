package jgrad.segment;

import java.util.List;

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
    }
}

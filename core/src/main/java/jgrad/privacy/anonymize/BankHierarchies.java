package jgrad.privacy.anonymize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared generalization hierarchies of UCI Bank Marketing's client attributes
 * ({@link jgrad.data.marketing.MarketingData#bankMarketing}). The groups follow the data's own codes: jobs by
 * kind of work, education by level (basic, secondary, tertiary), marital status as married or not;
 * {@code "unknown"} stays a group of its own, since merging it would invent information.
 */
public final class BankHierarchies {

    private BankHierarchies() {
    }

    /** Column name → hierarchy, for every client attribute that can serve as a quasi-identifier. */
    public static Map<String, Hierarchy> all() {
        Map<String, Hierarchy> h = new LinkedHashMap<>();
        h.put("age", new NumericBands("age", List.of(new NumericBands.Band(5, 75), new NumericBands.Band(10, 60),
                new NumericBands.Band(20, 60))));
        h.put("job", CategoryHierarchy.grouped("job", Map.of(
                "white-collar", List.of("admin.", "management", "technician"),
                "manual-services", List.of("blue-collar", "housemaid", "services"),
                "own-business", List.of("entrepreneur", "self-employed"),
                "not-working", List.of("retired", "student", "unemployed"),
                "unknown", List.of("unknown"))));
        h.put("marital", CategoryHierarchy.grouped("marital", Map.of(
                "married", List.of("married"),
                "not-married", List.of("single", "divorced"),
                "unknown", List.of("unknown"))));
        h.put("education", CategoryHierarchy.grouped("education", Map.of(
                "basic", List.of("illiterate", "basic.4y", "basic.6y", "basic.9y"),
                "secondary", List.of("high.school", "professional.course"),
                "tertiary", List.of("university.degree"),
                "unknown", List.of("unknown"))));
        for (String c : List.of("default", "housing", "loan", "contact", "month", "day_of_week", "poutcome")) {
            h.put(c, CategoryHierarchy.suppressOnly(c));
        }
        return h;
    }
}

package jgrad.privacy.anonymize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generalization of a category by a declared grouping: level 0 keeps the category, level 1 replaces it by
 * its group (when a grouping is declared), the last level by {@code "*"}. A category the grouping does
 * not list is an error naming it: a silent "other" would hide a value the release did not plan for.
 */
public final class CategoryHierarchy implements Hierarchy {

    private final String name;
    private final Map<String, String> groupOf;

    private CategoryHierarchy(String name, Map<String, String> groupOf) {
        this.name = name;
        this.groupOf = groupOf;
    }

    /** Levels: the category, its group in {@code groups} (group name → its categories), "*". */
    public static CategoryHierarchy grouped(String name, Map<String, List<String>> groups) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        groups.forEach((group, members) -> {
            for (String m : members) {
                if (groupOf.put(m, group) != null) {
                    throw new IllegalArgumentException("column '" + name + "': category '" + m + "' is in two groups");
                }
            }
        });
        return new CategoryHierarchy(name, groupOf);
    }

    /** Levels: the category, "*". */
    public static CategoryHierarchy suppressOnly(String name) {
        return new CategoryHierarchy(name, null);
    }

    @Override
    public int levels() {
        return groupOf == null ? 2 : 3;
    }

    @Override
    public String generalize(String value, int level) {
        if (level == 0) {
            return value;
        }
        if (level == levels() - 1) {
            return ANY;
        }
        String group = groupOf.get(value);
        if (group == null) {
            throw new IllegalArgumentException("column '" + name + "': category '" + value
                    + "' is in no group of its hierarchy " + groupOf.keySet());
        }
        return group;
    }

    @Override
    public String describe(int level) {
        if (level == 0) {
            return "kept";
        }
        return level == levels() - 1 ? "removed (*)" : "grouped " + groupsText();
    }

    private String groupsText() {
        // sorted, so that the report reads the same whatever order the groups were declared in
        Map<String, java.util.SortedSet<String>> byGroup = new java.util.TreeMap<>();
        groupOf.forEach((m, g) -> byGroup.computeIfAbsent(g, x -> new java.util.TreeSet<>()).add(m));
        return byGroup.toString();
    }
}

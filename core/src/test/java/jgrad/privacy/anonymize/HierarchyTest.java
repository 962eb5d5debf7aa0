package jgrad.privacy.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    private final NumericBands age = new NumericBands("age", List.of(new NumericBands.Band(5, 75),
            new NumericBands.Band(10, 60)));

    @Test
    void agesFallInBandsAndAreTopCoded() {
        assertEquals(4, age.levels());
        assertEquals("37", age.generalize("37", 0));
        assertEquals("35-39", age.generalize("37", 1));
        assertEquals("30-39", age.generalize("37", 2));
        assertEquals("75+", age.generalize("75", 1));
        assertEquals("70-74", age.generalize("74", 1));
        assertEquals("60+", age.generalize("74", 2));
        assertEquals("*", age.generalize("37", 3));
        var e = assertThrows(IllegalArgumentException.class, () -> age.generalize("old", 1));
        assertTrue(e.getMessage().contains("'age'") && e.getMessage().contains("'old'"), e.getMessage());
    }

    @Test
    void categoriesGoToTheirDeclaredGroup() {
        var marital = CategoryHierarchy.grouped("marital", Map.of("married", List.of("married"),
                "not-married", List.of("single", "divorced")));
        assertEquals("single", marital.generalize("single", 0));
        assertEquals("not-married", marital.generalize("divorced", 1));
        assertEquals("*", marital.generalize("married", 2));
        var e = assertThrows(IllegalArgumentException.class, () -> marital.generalize("widowed", 1));
        assertTrue(e.getMessage().contains("'widowed'"), e.getMessage());
        assertEquals(2, CategoryHierarchy.suppressOnly("loan").levels());
        assertEquals("*", CategoryHierarchy.suppressOnly("loan").generalize("yes", 1));
    }

    @Test
    void aCategoryInTwoGroupsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CategoryHierarchy.grouped("job",
                Map.of("a", List.of("x"), "b", List.of("x"))));
    }
}

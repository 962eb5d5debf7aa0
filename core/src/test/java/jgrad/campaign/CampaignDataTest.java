package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling bank clients from Hillstrom's customers by the header line. */
class CampaignDataTest {

    @Test
    void readsTheKindFromTheHeader(@TempDir Path dir) throws Exception {
        Path bank = dir.resolve("bank.csv");
        Files.writeString(bank, "\"age\";\"job\";\"marital\";\"duration\";\"y\"\n30;\"admin.\";\"single\";100;\"no\"\n");
        Path hillstrom = dir.resolve("h.csv");
        Files.writeString(hillstrom, "recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,"
                + "conversion,spend\r\n10,\"2) $100 - $200\",142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0\r\n");
        assertEquals(CampaignData.BANK, CampaignData.detect(bank));
        assertEquals(CampaignData.HILLSTROM, CampaignData.detect(hillstrom));
    }

    @Test
    void anUnknownHeaderNamesTheFileAndWhatEachKindNeeds(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "user,item,rating\n1,2,3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> CampaignData.detect(other));
        assertTrue(e.getMessage().contains("other.csv: line 1") && e.getMessage().contains("[recency, history,"),
                e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> CampaignData.detect(dir.resolve("no.csv")));
        assertTrue(missing.getMessage().contains("no.csv: no such file"), missing.getMessage());
    }
}

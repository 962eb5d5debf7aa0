package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./jgrad segment} on the bundled bank clients: the printed table agrees with the file it writes. */
class SegmentCommandTest {

    @TempDir
    Path dir;

    private static final String BANK = "src/main/resources" + BankClients.RESOURCE;

    @Test
    void thePrintedSegmentSizesAreThoseOfTheWrittenFile() throws Exception {
        Path out = dir.resolve("segments.csv");
        Run r = Run.of("segment", "--data", BANK, "--k", "3", "--silhouette-sample", "500", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,segment,map_x,map_y", lines.get(0));
        assertEquals(4119 + 1, lines.size());
        int[] counted = new int[3];
        for (String line : lines.subList(1, lines.size())) {
            counted[Integer.parseInt(line.split(",")[1]) - 1]++;
        }
        Matcher m = Pattern.compile("segment (\\d): ([\\d,]+) clients").matcher(r.out());
        List<Integer> printed = new ArrayList<>();
        while (m.find()) {
            assertEquals(counted[Integer.parseInt(m.group(1)) - 1], Integer.parseInt(m.group(2).replace(",", "")));
            printed.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(List.of(1, 2, 3), printed);
        assertTrue(r.out().contains("subscribed") && r.out().contains("silhouette"), r.out());
    }

    @Test
    void theSameSeedGivesTheSameSegmentsAndAConstantColumnIsNotListed() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(BANK))) {
            String[] cells = line.split(";", -1);
            cells[17] = lines.isEmpty() ? cells[17] : "-40.0";                            // cons.conf.idx
            lines.add(String.join(";", cells));
        }
        Path constant = Files.write(dir.resolve("constant.csv"), lines);
        Run a = Run.of("segment", "--data", constant.toString(), "--k-range", "2..3", "--top", "80", "--seed", "5");
        Run b = Run.of("segment", "--data", constant.toString(), "--k-range", "2..3", "--top", "80", "--seed", "5");
        assertEquals(0, a.code(), a.err());
        assertEquals(strip(a.out()), strip(b.out()));
        assertFalse(a.out().contains("cons.conf.idx"), a.out());
        assertTrue(a.out().contains("euribor3m"), a.out());
    }

    @Test
    void theAutoencodersReconstructionOfTheBankFeaturesBeatsPcaWithAsManyComponents() {
        Run r = Run.of("segment", "--data", BANK, "--embed", "ae", "--code", "8", "--k", "2", "--silhouette-sample", "300");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("autoencoder ([0-9.]+), PCA with 8 components ([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        double ae = Double.parseDouble(m.group(1));
        double pca = Double.parseDouble(m.group(2));
        assertTrue(ae < 0.9 * pca, "autoencoder " + ae + " vs PCA " + pca);
    }

    /** The output without its timing line. */
    private static String strip(String out) {
        return out.replaceAll("; [0-9.]+ s\\)", ")");
    }
}

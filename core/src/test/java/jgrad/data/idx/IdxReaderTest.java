package jgrad.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import jgrad.data.MalformedDataException;
import jgrad.data.split.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** An IDX file: magic, dimensions, then the given bytes. */
    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    private static final byte[] PIXELS = {0, 1, (byte) 255, (byte) 128, 7, 9, 10, 11, 12, 13, 14, 15};

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] content = idx(0x0803, new int[] {3, 2, 2}, PIXELS);
        for (boolean gzip : new boolean[] {false, true}) {
            IdxArray a = IdxReader.read(write("images" + gzip, content, gzip), 3);
            assertArrayEquals(new int[] {3, 2, 2}, a.shape());
            assertEquals(255, a.get(2));
            assertEquals(128, a.get(3));
            assertArrayEquals(PIXELS, a.data());
        }
    }

    @Test
    void refusesAWrongMagicNumber() throws IOException {
        Path file = write("labels", idx(0x0803, new int[] {3, 2, 2}, PIXELS), false);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxReader.read(file, 1));
        assertEquals("labels: bad magic number 0x00000803, expected 0x00000801 (unsigned bytes, 1 dimension(s))",
                e.getMessage());
        Path floats = write("floats", idx(0x0D01, new int[] {1}, new byte[4]), false);
        assertThrows(MalformedDataException.class, () -> IdxReader.read(floats, 1));
    }

    @Test
    void refusesTruncatedDataHeadersAndTrailingBytes() throws IOException {
        Path shortData = write("short.gz", idx(0x0803, new int[] {3, 2, 2}, Arrays.copyOf(PIXELS, 10)), true);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxReader.read(shortData, 3));
        assertEquals("short.gz: truncated, expected 12 data bytes, found 10", e.getMessage());
        byte[] header = idx(0x0803, new int[] {3, 2, 2}, new byte[0]);
        Path shortHeader = write("header", Arrays.copyOf(header, 9), false);
        assertTrue(assertThrows(MalformedDataException.class, () -> IdxReader.read(shortHeader, 3))
                .getMessage().startsWith("header: truncated"));
        Path trailing = write("trailing", idx(0x0801, new int[] {2}, new byte[] {1, 2, 3}), false);
        assertThrows(MalformedDataException.class, () -> IdxReader.read(trailing, 1));
    }

    @Test
    void refusesACutGzipStream() throws IOException {
        Path whole = write("whole.gz", idx(0x0803, new int[] {3, 2, 2}, PIXELS), true);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 12));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxReader.read(cut, 3));
        assertTrue(e.getMessage().startsWith("cut.gz: truncated"), e.getMessage());
    }

    @Test
    void refusesLabelsThatDoNotMatchTheImages() throws IOException {
        write("x-images-idx3-ubyte", idx(0x0803, new int[] {3, 2, 2}, PIXELS), false);
        write("x-labels-idx1-ubyte", idx(0x0801, new int[] {2}, new byte[] {1, 2}), false);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.read(dir, "x"));
        assertEquals("x-labels-idx1-ubyte: 2 labels for 3 images", e.getMessage());
    }

    @Test
    void pairsImagesWithLabelsAndScalesPixels() throws IOException {
        write("train-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, PIXELS), true);
        write("train-labels-idx1-ubyte", idx(0x0801, new int[] {3}, new byte[] {9, 0, 3}), false);
        write("t10k-images-idx3-ubyte", idx(0x0803, new int[] {1, 2, 2}, new byte[] {1, 2, 3, 4}), false);
        write("t10k-labels-idx1-ubyte", idx(0x0801, new int[] {1}, new byte[] {10}), false);
        LabeledImages train = FashionMnist.read(dir, "train");
        assertArrayEquals(new int[] {9, 0, 3}, train.labels());
        float[] scaled = train.pixelsAsFloats(1f / 255);
        assertEquals(1f, scaled[2]);
        assertEquals(128f / 255, scaled[3]);
        LabeledImages batch = train.select(new int[] {2, 0});
        assertArrayEquals(new int[] {3, 9}, batch.labels());
        assertEquals(12, batch.pixels()[0]);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> FashionMnist.load(dir));
        assertEquals("t10k-labels-idx1-ubyte: label 10 of image 0 out of range [0, 9]", e.getMessage());
    }

    @Test
    void realFashionMnistHasSixtyAndTenThousandImages() {
        var found = FashionMnist.findDirectory();
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(),
                "skipped: Fashion-MNIST not found; apt-get install -y dataset-fashion-mnist");
        Split<LabeledImages> data = FashionMnist.load(found.get());
        assertEquals(60_000, data.train().count());
        assertEquals(10_000, data.test().count());
        assertEquals(28, data.train().rows());
        int[] perClass = new int[10];
        for (int label : data.test().labels()) {
            perClass[label]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 1000);
        assertArrayEquals(expected, perClass);
    }
}

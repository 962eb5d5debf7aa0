package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class SafeTensorsTest {

    @TempDir
    Path dir;

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("0.W", Tensor.of(new float[] {1.5f, -2, 3, 4.25f, 5, -6}, 2, 3));
        m.put("0.b", Tensor.of(new double[] {0.1, -1e-300}, 2));
        m.put("scalar", Tensor.scalar(DType.F32, 7));
        m.put("empty", Tensor.zeros(DType.F64, 0, 4));
        return m;
    }

    @Test
    void roundTripKeepsNamesDtypesShapesValuesAndMetadata() throws IOException {
        Path f = dir.resolve("w.safetensors");
        String sha = SafeTensors.write(f, sample(), Map.of("format", "pt"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(sha, c.sha256());
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(sample().keySet().stream().toList(), c.tensors().keySet().stream().toList());
        for (var e : sample().entrySet()) {
            Tensor got = c.tensors().get(e.getKey());
            assertEquals(e.getValue().dtype(), got.dtype(), e.getKey());
            assertArrayEquals(e.getValue().shape(), got.shape(), e.getKey());
            assertArrayEquals(e.getValue().toDoubleArray(), got.toDoubleArray(), 0, e.getKey());
        }
    }

    @Test
    void layoutIsLengthThenPaddedJsonThenLittleEndianData() throws IOException {
        Path f = dir.resolve("one.safetensors");
        SafeTensors.write(f, Map.of("x", Tensor.of(new float[] {1, 2}, 2)), Map.of());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong(0);
        assertEquals(0, n % 8, "header padded to a multiple of 8");
        String header = new String(b.array(), 8, (int) n, StandardCharsets.UTF_8).strip();
        assertEquals("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(8 + n + 8, b.capacity());
        assertEquals(1f, b.getFloat(8 + (int) n));
        assertEquals(2f, b.getFloat(12 + (int) n));
    }

    // ---------------------------------------------------------------- corrupt files

    private Path file(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, b.array());
        return f;
    }

    private static void refused(Path f, String... words) {
        var e = assertThrows(ModelFileException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "expected '" + w + "' in: " + e.getMessage());
        }
    }

    @Test
    void refusesAFileShorterThanTheLengthField() throws IOException {
        Path f = dir.resolve("short.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        refused(f, "truncated", "3 bytes");
    }

    @Test
    void refusesAHeaderLengthBeyondTheFile() throws IOException {
        Path f = file("{}", 0);
        byte[] bytes = Files.readAllBytes(f);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1000);
        Files.write(f, bytes);
        refused(f, "header length 1000", "truncated");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);    // 2⁶⁴ − 1 as unsigned
        Files.write(f, bytes);
        refused(f, "bad header length 18446744073709551615");
    }

    @Test
    void refusesAHeaderThatIsNotJson() throws IOException {
        refused(file("{\"x\": [", 0), "not valid JSON");
        refused(file("[1, 2]", 0), "not a JSON object");
    }

    @Test
    void refusesOverlappingOffsets() throws IOException {
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12), "overlap");
    }

    @Test
    void refusesGapsAndTrailingBytes() throws IOException {
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "gap");
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8), "trailing");
    }

    @Test
    void refusesAShapeThatDoesNotFitItsOffsets() throws IOException {
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", 24),
                "'a'", "needs 48 bytes", "span 24");
    }

    @Test
    void refusesUnknownDtypes() throws IOException {
        refused(file("{\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "dtype 'BF16'");
        refused(file("{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "dtype");
    }

    @Test
    void refusesTruncatedDataBeforeAllocatingIt() throws IOException {
        // 10⁹ floats claimed by a file of a few bytes: refused from the header, nothing allocated.
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1000000000],\"data_offsets\":[0,4000000000]}}", 16),
                "reach past", "truncated");
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,17179869184]}}", 0),
                "more than");
    }

    @Test
    void refusesNegativeOrNonIntegerShapes() throws IOException {
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,0]}}", 0), "non-negative");
        refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4), "non-negative");
    }

    @Test
    void metadataAlone() throws IOException {
        var c = SafeTensors.read(file("{\"__metadata__\":{\"k\":\"v\"}}", 0));
        assertEquals(Map.of("k", "v"), c.metadata());
        assertTrue(c.tensors().isEmpty());
        refused(file("{\"__metadata__\":{\"k\":3}}", 0), "not a string");
    }
}

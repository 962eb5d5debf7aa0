package jgrad.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.backend.DType;

/**
 * The JSON header of a safetensors file, checked against the size of the file before any tensor is
 * allocated: every entry has a supported dtype, a shape of non-negative integers, and data_offsets
 * [begin, end) whose length is exactly numel × element size; sorted by begin, the entries tile the
 * data section from 0 to its end without gap or overlap (as the format requires), so the tensors
 * together never need more memory than the file holds.
 */
final class SafeTensorsHeader {

    /** The format's own limit on the header, so a forged length cannot make us allocate much. */
    static final long MAX_HEADER_BYTES = 100_000_000;
    static final String METADATA = "__metadata__";

    /** {@code int64}: stored as I64 (ids), read into an F64 tensor, exact up to 2⁵³. */
    record Entry(String name, DType dtype, int[] shape, long begin, long end, boolean int64) {
        int numel() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    final List<Entry> entries;
    final Map<String, String> metadata;

    private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata) {
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Checks the 8-byte header length against the file size; returns it. */
    static long checkLength(Path file, long fileSize, long headerLength) throws ModelFileException {
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
            throw new ModelFileException(file, "bad header length " + Long.toUnsignedString(headerLength)
                    + " (must be 2 to " + MAX_HEADER_BYTES + " bytes); not a safetensors file?");
        }
        if (headerLength > fileSize - 8) {
            throw new ModelFileException(file, "header length " + headerLength + " exceeds the " + (fileSize - 8)
                    + " bytes after the length field: the file is truncated");
        }
        return headerLength;
    }

    /** Parses and checks the header; {@code dataBytes} is the size of the data section. */
    static SafeTensorsHeader parse(Path file, byte[] headerBytes, long dataBytes) throws ModelFileException {
        Object json;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(headerBytes)).toString();
            json = Json.parse(text);
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file, "the header is not valid UTF-8");
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "the header is not valid JSON: " + e.getMessage().replaceFirst("^JSON: ", ""));
        } catch (StackOverflowError e) {
            throw new ModelFileException(file, "the header's JSON is nested too deeply");
        }
        if (!(json instanceof Map<?, ?> top)) {
            throw new ModelFileException(file, "the header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                metadata = metadata(file, e.getValue());
            } else {
                entries.add(entry(file, name, e.getValue()));
            }
        }
        checkTiling(file, entries, dataBytes);
        return new SafeTensorsHeader(entries, metadata);
    }

    private static Map<String, String> metadata(Path file, Object v) throws ModelFileException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new ModelFileException(file, METADATA + " must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new ModelFileException(file, METADATA + " value of '" + e.getKey() + "' is not a string");
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static Entry entry(Path file, String name, Object v) throws ModelFileException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new ModelFileException(file, "tensor '" + name + "': entry is not an object");
        }
        boolean int64 = "I64".equals(m.get("dtype"));
        DType dtype = int64 ? DType.F64 : dtype(file, name, m.get("dtype"));
        long[] shape = longs(file, name, "shape", m.get("shape"), -1);
        long[] offsets = longs(file, name, "data_offsets", m.get("data_offsets"), 2);
        int[] intShape = new int[shape.length];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            numel *= shape[i];
            if (shape[i] > Integer.MAX_VALUE || numel > Integer.MAX_VALUE) {
                throw new ModelFileException(file, "tensor '" + name + "': shape " + java.util.Arrays.toString(shape)
                        + " has more than " + Integer.MAX_VALUE + " elements");
            }
            intShape[i] = (int) shape[i];
        }
        if (offsets[1] < offsets[0]) {
            throw new ModelFileException(file, "tensor '" + name + "': data_offsets [" + offsets[0] + ", "
                    + offsets[1] + "] end before they begin");
        }
        if (offsets[1] - offsets[0] != numel * dtype.bytes) {
            throw new ModelFileException(file, "tensor '" + name + "': shape " + java.util.Arrays.toString(shape)
                    + " of " + dtype + " needs " + numel * dtype.bytes + " bytes but data_offsets [" + offsets[0]
                    + ", " + offsets[1] + "] span " + (offsets[1] - offsets[0]));
        }
        return new Entry(name, dtype, intShape, offsets[0], offsets[1], int64);
    }

    private static DType dtype(Path file, String name, Object v) throws ModelFileException {
        if (v instanceof String s) {
            switch (s) {
                case "F32": return DType.F32;
                case "F64": return DType.F64;
                default:
                    throw new ModelFileException(file, "tensor '" + name + "': dtype '" + s
                            + "' is not supported (jgrad reads F32, F64, and I64 as F64)");
            }
        }
        throw new ModelFileException(file, "tensor '" + name + "': missing or non-string dtype");
    }

    private static long[] longs(Path file, String name, String key, Object v, int length) throws ModelFileException {
        if (!(v instanceof List<?> l) || (length >= 0 && l.size() != length)) {
            throw new ModelFileException(file, "tensor '" + name + "': '" + key + "' must be a list"
                    + (length >= 0 ? " of " + length + " integers" : " of integers") + ", got " + v);
        }
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long x) || x < 0) {
                throw new ModelFileException(file, "tensor '" + name + "': '" + key + "' holds " + l.get(i)
                        + ", not a non-negative integer");
            }
            out[i] = x;
        }
        return out;
    }

    private static void checkTiling(Path file, List<Entry> entries, long dataBytes) throws ModelFileException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : sorted) {
            if (e.end() > dataBytes) {
                throw new ModelFileException(file, "tensor '" + e.name() + "': data_offsets [" + e.begin() + ", "
                        + e.end() + "] reach past the " + dataBytes + " bytes of data: the file is truncated");
            }
            if (e.begin() < expected) {
                throw new ModelFileException(file, "tensor '" + e.name() + "': data_offsets [" + e.begin() + ", "
                        + e.end() + "] overlap the previous tensor, which ends at " + expected);
            }
            if (e.begin() > expected) {
                throw new ModelFileException(file, "tensor '" + e.name() + "': data begins at " + e.begin()
                        + " but the previous tensor ends at " + expected + " (a gap)");
            }
            expected = e.end();
        }
        if (expected != dataBytes) {
            throw new ModelFileException(file, "the tensors describe " + expected + " bytes of data but the file holds "
                    + dataBytes + " (trailing bytes)");
        }
    }
}

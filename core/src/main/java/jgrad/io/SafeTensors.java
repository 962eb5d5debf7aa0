package jgrad.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.backend.Device;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Tensors in the safetensors format, readable by PyTorch's and NumPy's tools:
 * <pre>
 *   8 bytes       N, the header length, unsigned little-endian
 *   N bytes       UTF-8 JSON: {"__metadata__": {string: string}, "name": {"dtype": "F32" | "F64" | "I64",
 *                 "shape": [..], "data_offsets": [begin, end]}, ...}, padded with spaces to a multiple of 8
 *   the rest      the data section: each tensor's elements, row-major, little-endian, at [begin, end)
 * </pre>
 * I64 tensors (PyTorch's ids) are read into F64 tensors, exact up to 2⁵³; jgrad writes F32 and F64.
 * Writes are atomic ({@link AtomicFiles}). Reads check everything against the file size before
 * allocating (see {@link SafeTensorsHeader}) and refuse a bad file with a {@link ModelFileException}
 * naming the file and the problem. Both directions report the SHA-256 of the whole file, which
 * {@link ModelFiles} uses to tie an architecture file to its weights.
 */
public final class SafeTensors {

    private static final int CHUNK = 1 << 16;

    /**
     * What a file holds, in file order, the SHA-256 of all its bytes and that of its data section
     * alone (the tensors' bytes, after the header), both in hex.
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata, String sha256,
                           String dataSha256) {
    }

    private SafeTensors() {
    }

    // ---------------------------------------------------------------- writing

    /** Writes the tensors (in map order) and metadata atomically; returns the file's SHA-256 (hex). */
    public static String write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        return write(file, tensors, metadata, SaveSteps.NONE);
    }

    /** {@link #write(Path, Map, Map)}, reporting each step of the save to {@code steps}. */
    static String write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata, SaveSteps steps)
            throws IOException {
        byte[] header = header(tensors, metadata);
        MessageDigest sha = sha256();
        AtomicFiles.write(file, raw -> {
            OutputStream out = new DigestOutputStream(raw, sha);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(header.length);
            out.write(buf.array(), 0, 8);
            out.write(header);
            steps.reached("header written");
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                writeData(out, e.getValue().to(Device.CPU).contiguous(), buf);   // a device's tensor: an explicit copy
                steps.reached("tensor " + e.getKey() + " written");
            }
            out.flush();
        }, steps);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 (hex) of the data section that {@link #write} would write for these tensors. */
    static String dataSha256(Map<String, Tensor> tensors) throws IOException {
        MessageDigest sha = sha256();
        OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors.values()) {
            writeData(out, t.to(Device.CPU).contiguous(), buf);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            h.put(SafeTensorsHeader.METADATA, metadata);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(SafeTensorsHeader.METADATA) || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("safetensors: '" + e.getKey() + "' cannot name a tensor");
            }
            Tensor t = e.getValue();
            long end = offset + (long) t.numel() * t.dtype().bytes;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", t.dtype().name());
            entry.put("shape", t.shape());
            entry.put("data_offsets", List.of(offset, end));
            h.put(e.getKey(), entry);
            offset = end;
        }
        // Padding with spaces keeps the data section 8-byte aligned, as the format recommends.
        byte[] json = Json.write(h).getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    private static void writeData(OutputStream out, Tensor t, ByteBuffer buf) throws IOException {
        Storage s = t.storage();
        int bytes = t.dtype().bytes;
        buf.clear();
        for (int i = 0; i < t.numel(); i++) {
            if (buf.remaining() < bytes) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            double v = s.get(t.offset() + i);
            if (bytes == 4) {
                buf.putFloat((float) v);
            } else {
                buf.putDouble(v);
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads and checks a file; see the class comment for what is checked. It must be a regular file
     * no larger than this JVM's heap could hold ({@link InputFiles#checkRegular}).
     */
    public static Contents read(Path file) throws IOException {
        InputFiles.checkRegular(file, "a safetensors file", Runtime.getRuntime().maxMemory());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelFileException(file, "truncated: " + size + " bytes, fewer than the 8 of the header length");
            }
            MessageDigest sha = sha256();
            ByteBuffer len = readFully(file, ch, 0, 8, sha).order(ByteOrder.LITTLE_ENDIAN);
            long n = SafeTensorsHeader.checkLength(file, size, len.getLong(0));
            byte[] headerBytes = readFully(file, ch, 8, (int) n, sha).array();
            long dataStart = 8 + n;
            SafeTensorsHeader header = SafeTensorsHeader.parse(file, headerBytes, size - dataStart);
            Map<String, Tensor> tensors = new HashMap<>();
            MessageDigest dataSha = sha256();
            for (SafeTensorsHeader.Entry e : header.entries.stream()
                    .sorted(Comparator.comparingLong(SafeTensorsHeader.Entry::begin)).toList()) {
                tensors.put(e.name(), readTensor(file, ch, dataStart, e, sha, dataSha));
            }
            Map<String, Tensor> inFileOrder = new LinkedHashMap<>();
            header.entries.forEach(e -> inFileOrder.put(e.name(), tensors.get(e.name())));
            return new Contents(inFileOrder, header.metadata, HexFormat.of().formatHex(sha.digest()),
                    HexFormat.of().formatHex(dataSha.digest()));
        }
    }

    // Entries are read in offset order, so the digests see the file's bytes in sequence (they tile the data).
    private static Tensor readTensor(Path file, FileChannel ch, long dataStart, SafeTensorsHeader.Entry e,
                                     MessageDigest sha, MessageDigest dataSha) throws IOException {
        Tensor t = Tensor.zeros(e.dtype(), e.shape());
        Storage s = t.storage();
        int bytes = e.dtype().bytes;
        int perChunk = CHUNK / bytes;
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int numel = e.numel();
        for (int i = 0; i < numel; i += perChunk) {
            int count = Math.min(perChunk, numel - i);
            buf.clear().limit(count * bytes);
            readInto(file, ch, dataStart + e.begin() + (long) i * bytes, buf);
            sha.update(buf.array(), 0, count * bytes);
            dataSha.update(buf.array(), 0, count * bytes);
            for (int k = 0; k < count; k++) {
                s.set(i + k, e.int64() ? exactLong(file, e, i + k, buf.getLong(k * 8))
                        : bytes == 4 ? buf.getFloat(k * 4) : buf.getDouble(k * 8));
            }
        }
        return t;
    }

    /** An I64 element as a double, refused when a double cannot hold it exactly (beyond ±2⁵³). */
    private static double exactLong(Path file, SafeTensorsHeader.Entry e, int index, long v) throws ModelFileException {
        if (Math.abs(v) > (1L << 53)) {
            throw new ModelFileException(file, "tensor '" + e.name() + "': I64 element " + index + " = " + v
                    + " is beyond 2^53, which jgrad's F64 cannot hold exactly");
        }
        return v;
    }

    private static ByteBuffer readFully(Path file, FileChannel ch, long position, int length, MessageDigest sha)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        readInto(file, ch, position, b);
        sha.update(b.array());
        return b;
    }

    private static void readInto(Path file, FileChannel ch, long position, ByteBuffer b) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new ModelFileException(file, "truncated while reading at byte " + p);
            }
            p += r;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

package jgrad.data.idx;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import jgrad.data.MalformedDataException;
import jgrad.io.InputFileException;
import jgrad.io.InputFiles;

/**
 * Reads IDX files (LeCun's MNIST format, also Fashion-MNIST), gzipped or not: gzip is recognized by its
 * magic bytes, not by the file name. Layout, big-endian: two zero bytes, a type code ({@code 0x08} =
 * unsigned byte, the only type supported here), the number of dimensions, one int32 per dimension,
 * then the values. A wrong magic number, a wrong number of dimensions, truncated data or trailing
 * bytes are refused with a {@link MalformedDataException} naming the file.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Reads an unsigned-byte IDX file of {@code expectedDims} dimensions (e.g. 3 for images, 1 for labels). */
    public static IdxArray read(Path file, int expectedDims) {
        try {
            InputFiles.checkRegular(file, "an IDX file", Runtime.getRuntime().maxMemory());
        } catch (InputFileException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        try (InputStream in = open(file)) {
            return read(new DataInputStream(in), file.getFileName().toString(), expectedDims);
        } catch (EOFException e) {
            throw new MalformedDataException(file.getFileName() + ": truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static IdxArray read(DataInputStream in, String name, int expectedDims) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF;
        int dims = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dims != expectedDims) {
            throw new MalformedDataException(String.format(
                    "%s: bad magic number 0x%08X, expected 0x%08X (unsigned bytes, %d dimension(s))",
                    name, magic, (UNSIGNED_BYTE << 8) | expectedDims, expectedDims), null);
        }
        int[] shape = new int[dims];
        long size = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = in.readInt();
            if (shape[d] < 0) {
                throw new MalformedDataException(name + ": negative size " + shape[d] + " of dimension " + d, null);
            }
            size *= shape[d];
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new MalformedDataException(name + ": " + size + " values do not fit in one array", null);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new MalformedDataException(name + ": truncated, expected " + size + " data bytes, found "
                    + data.length, null);
        }
        if (in.read() != -1) {
            throw new MalformedDataException(name + ": trailing bytes after the " + size + " data bytes", null);
        }
        return new IdxArray(shape, data);
    }
}

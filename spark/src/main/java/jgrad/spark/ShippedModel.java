package jgrad.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import jgrad.io.ModelFiles;

/**
 * A saved jgrad model sent to Spark's executors once: the driver reads the model file (one
 * {@code NAME.safetensors}: weights, architecture and fitted preprocessing under one checksum) and
 * broadcasts its bytes; on each executor, the first task that calls {@link #get()} writes them to a
 * temporary file, loads them with the {@link ModelLoader} and keeps the result for every later task of that
 * JVM ({@link ExecutorModels}). Executors need no shared file system and no copy of the file: a model file
 * "missing on an executor" cannot happen, and one damaged in transit fails its checksum at load.
 *
 * @param <M> what the loader makes of the file
 */
public final class ShippedModel<M> implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong SHIPMENTS = new AtomicLong();

    private final Broadcast<byte[]> bytes;
    private final String fileName;
    /** The file's SHA-256 and a number unique to this shipment: one file may be shipped as different things. */
    private final String key;
    private final ModelLoader<M> loader;

    private ShippedModel(Broadcast<byte[]> bytes, String fileName, String key, ModelLoader<M> loader) {
        this.bytes = bytes;
        this.fileName = fileName;
        this.key = key;
        this.loader = loader;
    }

    /**
     * Reads the model at {@code path} (NAME or NAME.safetensors) and broadcasts it. The driver loads it
     * once here too, so a missing, damaged or wrong-kind file is refused before any task starts.
     */
    public static <M> ShippedModel<M> ship(SparkSession spark, Path path, ModelLoader<M> loader) throws IOException {
        Path file = ModelFiles.weightsPath(path);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no model file here (save one with ModelFiles.save or ./jgrad demo --save)");
        }
        byte[] content = Files.readAllBytes(file);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ShippedModel<M> shipped = new ShippedModel<>(context.broadcast(content), file.getFileName().toString(),
                sha256(content) + " " + SHIPMENTS.incrementAndGet(), loader);
        shipped.get();
        return shipped;
    }

    /** The model, loaded in this JVM by the first caller and shared by all later ones. */
    public M get() {
        return ExecutorModels.get(key, this::loadFromBroadcast);
    }

    /** The model file's name on the driver, for messages and output. */
    public String fileName() {
        return fileName;
    }

    private M loadFromBroadcast() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jgrad-model-");
            Path file = dir.resolve(fileName);
            Files.write(file, bytes.value());
            return loader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped model " + fileName + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the shipped model " + fileName + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();   // a temporary copy left behind is harmless; the load's result is what counts
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

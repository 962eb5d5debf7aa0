package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.data.split.Split;

class FashionMnistExampleTest {

    private static Path dataOrSkip() {
        Optional<Path> dir = FashionMnist.findDirectory();
        assumeTrue(dir.isPresent(), "Fashion-MNIST is not installed; skipped (" + FashionMnistExample.INSTALL + ")");
        return dir.get();
    }

    @Test
    void loadsTheFullDataSet() {
        Split<LabeledImages> data = FashionMnist.load(dataOrSkip());
        assertEquals(60_000, data.train().count());
        assertEquals(10_000, data.test().count());
        assertEquals(784, data.train().pixelsPerImage());
        float[] pixels = ImageTensors.pixels(data.test()).toFloatArray();
        assertEquals(0f, IntStream.range(0, pixels.length).mapToDouble(i -> pixels[i]).min().orElseThrow());
        assertEquals(1f, IntStream.range(0, pixels.length).mapToDouble(i -> pixels[i]).max().orElseThrow());
    }

    /** One epoch on 6,000 training images already separates the ten classes far above chance (0.1). */
    @Test
    void oneShortEpochLearns() {
        Split<LabeledImages> data = FashionMnist.load(dataOrSkip());
        Split<LabeledImages> small = new Split<>(data.train().select(IntStream.range(0, 6000).toArray()),
                data.test().select(IntStream.range(0, 2000).toArray()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EpochReport report = FashionMnistExample.train(small, 1, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .report();
        assertTrue(report.lastAccuracy() > 0.7, "test accuracy after one epoch on 6,000 images: " + report.lastAccuracy());
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("epoch 1  train ") && printed.contains("test accuracy"), printed);
    }

    @Test
    void withoutTheDataSaysHowToInstallIt(@TempDir Path empty) {
        Run run = Run.of("example", "fashion-mnist", "--data", empty.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains(FashionMnistExample.INSTALL), run.err());
    }

    @Test
    void absentDefaultDirectoryMessageNamesThePackage() {
        IllegalStateException e = FashionMnistExample.missingData();
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void unknownExampleAndOptionsAreExplained() {
        Run name = Run.of("example", "fashion");
        assertEquals(2, name.code());
        assertTrue(name.err().contains("unknown example 'fashion'") && name.err().contains("fashion-mnist"), name.err());
        Run none = Run.of("example");
        assertTrue(none.err().contains("needs the name of an example"), none.err());
        Run epochs = Run.of("example", "fashion-mnist", "--epochs", "-1");
        assertEquals(2, epochs.code());
        assertTrue(epochs.err().contains("--epochs must be a positive whole number, got '-1'"), epochs.err());
    }
}

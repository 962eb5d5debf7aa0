package jgrad.data.idx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jgrad.data.MalformedDataException;
import jgrad.data.split.Split;

/**
 * Fashion-MNIST (Zalando): 60,000 training and 10,000 test images of 28×28 pixels in 10 classes.
 * Looks for the four IDX files (gzipped or not) in the directory named by the system property
 * {@code jgrad.fashionMnist}, then the environment variable {@code FASHION_MNIST_DIR}, then the Debian
 * package's {@code /usr/share/datasets/fashion-mnist} ({@code apt-get install dataset-fashion-mnist}).
 */
public final class FashionMnist {

    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Class names, by label. */
    public static final String[] CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {
    }

    /** The first configured or default directory that holds all four files. */
    public static Optional<Path> findDirectory() {
        String[] candidates = {System.getProperty("jgrad.fashionMnist"), System.getenv("FASHION_MNIST_DIR"),
            DEBIAN_DIR.toString()};
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && hasAllFiles(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    /** Reads the training ({@code train-*}) and test ({@code t10k-*}) sets from {@code dir}. */
    public static Split<LabeledImages> load(Path dir) {
        return new Split<>(read(dir, "train"), read(dir, "t10k"));
    }

    /** Reads {@code prefix-images-idx3-ubyte[.gz]} and {@code prefix-labels-idx1-ubyte[.gz]}. */
    public static LabeledImages read(Path dir, String prefix) {
        Path imagesFile = file(dir, prefix + "-images-idx3-ubyte");
        Path labelsFile = file(dir, prefix + "-labels-idx1-ubyte");
        IdxArray images = IdxReader.read(imagesFile, 3);
        IdxArray labels = IdxReader.read(labelsFile, 1);
        int[] shape = images.shape();
        if (labels.shape()[0] != shape[0]) {
            throw new MalformedDataException(labelsFile.getFileName() + ": " + labels.shape()[0]
                    + " labels for " + shape[0] + " images", null);
        }
        int[] classes = new int[shape[0]];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = labels.get(i);
            if (classes[i] >= CLASSES.length) {
                throw new MalformedDataException(labelsFile.getFileName() + ": label " + classes[i]
                        + " of image " + i + " out of range [0, 9]", null);
            }
        }
        return new LabeledImages(shape[0], shape[1], shape[2], images.data(), classes);
    }

    private static boolean hasAllFiles(Path dir) {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            if (!Files.exists(dir.resolve(name + ".gz")) && !Files.exists(dir.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    private static Path file(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        return Files.exists(gz) ? gz : dir.resolve(name);
    }
}

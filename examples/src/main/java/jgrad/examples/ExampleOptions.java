package jgrad.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jgrad.io.ModelFiles;

/**
 * The options shared by the examples and the demo: {@code --epochs N}, {@code --seed S},
 * {@code --save FILE}, {@code --data PATH}, {@code --report DIR}. Each program says which it accepts, so a
 * mistyped or unsupported option is refused instead of ignored.
 */
public record ExampleOptions(int epochs, long seed, Path save, Path data, Path report) {

    /** Parses {@code args}; options not given keep the defaults, those not in {@code accepted} are refused. */
    static ExampleOptions parse(String[] args, List<String> accepted, int defaultEpochs, long defaultSeed) {
        int epochs = defaultEpochs;
        long seed = defaultSeed;
        Path save = null;
        Path data = null;
        Path report = null;
        for (Map.Entry<String, String> e : OptionPairs.parse(args, accepted).entrySet()) {
            String option = e.getKey();
            String value = e.getValue();
            switch (option) {
                case "--epochs" -> epochs = Main.positiveInt("--epochs", value);
                case "--seed" -> seed = parseSeed(value);
                case "--save" -> save = savePath(value);
                case "--data" -> data = path("--data", value);
                case "--report" -> report = ReportOption.directory(value);
                default -> throw new IllegalStateException("option " + option + " is accepted but not parsed");
            }
        }
        return new ExampleOptions(epochs, seed, save, data, report);
    }

    /** A path option's value; an empty one would name the current directory or hidden files in it. */
    public static Path path(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a file name, got '" + value + "'");
        }
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(option + " '" + value + "' is not a valid path: " + e.getReason());
        }
    }

    /** Where {@code --save} will write, checked before any training time is spent. */
    static Path savePath(String value) {
        Path save = path("--save", value);
        Path file = ModelFiles.weightsPath(save);
        if (Files.isDirectory(file)) {
            throw new UsageException("--save " + value + ": " + file + " is a directory, so no model can be saved there");
        }
        return save;
    }

    public static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + text + "'");
        }
    }
}

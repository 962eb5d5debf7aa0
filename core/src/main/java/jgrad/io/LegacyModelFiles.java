package jgrad.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jgrad.nn.Module;

/**
 * Models saved before format version 2: {@code NAME.json} (the architecture, naming its weights file
 * and their SHA-256) beside {@code NAME.safetensors}. They are read with the same checks as before
 * (the weights must be the ones the architecture names); they are no longer written, because the two
 * files could not be replaced as one unit. A new save over such a pair removes the old {@code NAME.json}
 * once the new file is in place (the new file is what loads from then on, with or without it).
 */
final class LegacyModelFiles {

    static final long MAX_ARCHITECTURE_BYTES = 64L << 20;

    private LegacyModelFiles() {
    }

    static ModelFiles.Loaded read(Path archFile) throws IOException {
        Map<?, ?> arch = architecture(archFile);
        Module model = ModelFiles.rebuild(archFile, arch.get("model"));
        Path weights = archFile.resolveSibling(String.valueOf(arch.get("weights")));
        SafeTensors.Contents contents = SafeTensors.read(weights);
        if (!contents.sha256().equals(arch.get("weights_sha256"))) {
            throw new ModelFileException(weights, "these weights are not the ones " + archFile.getFileName()
                    + " was saved with (SHA-256 " + contents.sha256() + ", expected " + arch.get("weights_sha256")
                    + "); was a save interrupted between the two files?");
        }
        ModelFiles.assign(model, contents.tensors(), weights);
        return new ModelFiles.Loaded(model, ModelFiles.preprocessing(archFile, arch), archFile);
    }

    private static Map<?, ?> architecture(Path file) throws IOException {
        Object json = InputFiles.readJson(file, "a jgrad model architecture", MAX_ARCHITECTURE_BYTES);
        Map<?, ?> m = ModelFiles.checkDescription(file, json, 1);
        if (!(m.get("weights") instanceof String w) || w.isEmpty() || w.contains("/") || w.contains("\\")) {
            throw new ModelFileException(file, "\"weights\" must name a file in the same directory");
        }
        return m;
    }

    /** After a version-2 save: deletes NAME.json if it is a version-1 architecture (nothing else). */
    static void removeSupersededArchitecture(Path archFile, SaveSteps steps) throws IOException {
        if (!Files.isRegularFile(archFile) || Files.size(archFile) > MAX_ARCHITECTURE_BYTES) {
            return;
        }
        try {
            ModelFiles.checkDescription(archFile, InputFiles.readJson(archFile, "an architecture", MAX_ARCHITECTURE_BYTES), 1);
        } catch (IOException notOurs) {
            return;     // not a jgrad version-1 architecture: someone else's file, left alone
        }
        Files.deleteIfExists(archFile);
        steps.reached("superseded architecture file removed");
    }
}

package jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jgrad.data.idx.FashionMnist;
import jgrad.data.idx.LabeledImages;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.train.Fit;
import jgrad.train.Sequential;
import jgrad.transfer.FewShot;

/**
 * The source task of {@code ./jgrad example transfer}: the network trained on the source classes (Adam 1e-3,
 * batch 64). With a cache file, a network pretrained the same way (network, classes, epochs, seed: kept in
 * the model file's preprocessing) is read instead of trained again, and a new one is saved there.
 */
record TransferPretraining(TransferNetwork network, int[] classes, int epochs, long seed) {

    Sequential obtain(LabeledImages train, Path cache, PrintStream out) throws IOException {
        if (cache != null && ModelFiles.exists(cache)) {
            ModelFiles.Loaded loaded = ModelFiles.read(cache);
            if (!description().equals(loaded.preprocessing().get("pretraining"))
                    || !(loaded.model() instanceof Sequential model)) {
                throw new ModelFileException(loaded.file(), "was not pretrained as this run needs " + description()
                        + " (it holds " + loaded.preprocessing().get("pretraining") + "); give another --pretrained file");
            }
            out.println("pretrained " + network.description + " read from " + loaded.file());
            model.to(BackendOption.device());
            return model;
        }
        LabeledImages source = FewShot.relabel(train, classes);
        out.printf(Locale.ROOT, "pretraining the %s on %d images of the %d classes %s, %d epochs, seed %d%n",
                network.description, source.count(), classes.length, names(), epochs, seed);
        out.flush();
        Sequential model = network.build(classes.length, seed);
        model.compile(Adam.keras(1e-3), Losses::softmaxCrossEntropy);
        model.fit(network.input(source), ImageTensors.labels(source),
                Fit.epochs(epochs).batchSize(64).seed(seed).verbose(0));
        if (cache != null) {
            ModelFiles.save(model, cache, Map.of("pretraining", description()));
            out.println("pretrained network saved to " + ModelFiles.weightsPath(cache));
        }
        return model;
    }

    /** What identifies this pretraining, as the JSON strings a model file gives back. */
    private Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("network", network.option);
        d.put("classes", Arrays.toString(classes));
        d.put("epochs", String.valueOf(epochs));
        d.put("seed", String.valueOf(seed));
        return d;
    }

    private String names() {
        return String.join(", ", Arrays.stream(classes).mapToObj(c -> FashionMnist.CLASSES[c]).toList());
    }
}

package jgrad.examples;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.data.idx.LabeledImages;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Flatten;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * The two Fashion-MNIST networks of {@code ./jgrad example transfer}, and the ways each learns the target task:
 * from scratch, or from the pretrained layers (copied by name, see {@link jgrad.transfer.FineTuning}) in one or
 * more stages, each stage with its layers frozen or at their own learning rate. Every setting was fixed before
 * the first run of that network.
 */
enum TransferNetwork {

    /** Article 004's MLP: 1 = Dense(784 → 128, relu), 3 = the head. */
    MLP("mlp", "article-004 MLP (784-128-relu-dropout-head)", List.of(
            Variant.scratch(),
            new Variant("pretrained layer frozen, new head", List.of("1"), List.of(Stage.frozen(1, "1"))),
            new Variant("all layers, pretrained layer at 0.1× rate", List.of("1"),
                    List.of(Stage.slower(1, 0.1, "1"))))),

    /** Seed 003's CNN: 0, 2 = the convolutions, 5 = Dense(1600 → 128, relu), 7 = the head. */
    CNN("cnn", "seed-003 CNN (conv32-pool-conv64-pool-dense128-dropout-head)", List.of(
            Variant.scratch(),
            new Variant("convolutions frozen, dense layers trained", List.of("0", "2", "5"),
                    List.of(Stage.frozen(1, "0", "2"))),
            new Variant("frozen for half, then all with convolutions at 0.1× rate", List.of("0", "2", "5"),
                    List.of(Stage.frozen(0.5, "0", "2"), Stage.slower(0.5, 0.1, "0", "2")))));

    /** A part of fine-tuning: its share of the epochs, the layers left frozen, and the layers' rate factors. */
    record Stage(double share, List<String> frozen, Map<String, Double> rates) {

        static Stage frozen(double share, String... layers) {
            return new Stage(share, List.of(layers), Map.of());
        }

        static Stage slower(double share, double factor, String... layers) {
            Map<String, Double> rates = new java.util.LinkedHashMap<>();
            for (String l : layers) {
                rates.put(l, factor);
            }
            return new Stage(share, List.of(), rates);
        }
    }

    /** One way to learn the target task: the pretrained layers it starts from, and its stages. */
    record Variant(String description, List<String> copied, List<Stage> stages) {

        static Variant scratch() {
            return new Variant("from scratch", List.of(), List.of(new Stage(1, List.of(), Map.of())));
        }

        /** The epochs of stage {@code k} when the whole variant trains for {@code epochs}. */
        int epochs(int k, int epochs) {
            int before = 0;
            for (int i = 0; i < k; i++) {
                before += (int) Math.round(stages.get(i).share() * epochs);
            }
            int through = k == stages.size() - 1 ? epochs : before + (int) Math.round(stages.get(k).share() * epochs);
            return through - before;
        }
    }

    static final int HIDDEN = 128;

    final String option;
    final String description;
    final List<Variant> variants;

    TransferNetwork(String option, String description, List<Variant> variants) {
        this.option = option;
        this.description = description;
        this.variants = variants;
    }

    static TransferNetwork of(String option) {
        for (TransferNetwork n : values()) {
            if (n.option.equals(option)) {
                return n;
            }
        }
        throw new UsageException("--model must be mlp or cnn, got '" + option + "'");
    }

    /** The network with {@code classes} outputs, its weights drawn from {@code seed}, on the chosen device. */
    Sequential build(int classes, long seed) {
        Sequential m = switch (this) {
            case MLP -> {
                SplittableRandom rng = new SplittableRandom(seed);
                yield new Sequential(new Flatten(), new Dense(784, HIDDEN, Activation.RELU, rng),
                        new Dropout(0.2, rng.split()), new Dense(HIDDEN, classes, Activation.LINEAR, rng));
            }
            case CNN -> FashionCnnExample.model(28, 28, classes, seed);
        };
        m.to(BackendOption.device());
        return m;
    }

    /** The images as this network takes them: [N, 28, 28] for the MLP, [N, 1, 28, 28] for the CNN. */
    Tensor input(LabeledImages images) {
        return this == CNN ? ImageTensors.channelsFirst(images) : ImageTensors.pixels(images);
    }
}

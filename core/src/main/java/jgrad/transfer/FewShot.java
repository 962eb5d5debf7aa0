package jgrad.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.data.idx.LabeledImages;

/**
 * The data of a transfer experiment on labelled images: a source task made of some classes, a target task
 * made of others, and a few labelled examples of each target class. Labels are renumbered by their position
 * in the class list (0, 1, …), so a model for the target task has one output per target class.
 */
public final class FewShot {

    private FewShot() {
    }

    /** The images of {@code classes}, in their order in {@code all}, labelled by their position in {@code classes}. */
    public static LabeledImages relabel(LabeledImages all, int... classes) {
        int[] position = new int[Arrays.stream(all.labels()).max().orElse(0) + 1];
        Arrays.fill(position, -1);
        for (int k = 0; k < classes.length; k++) {
            if (classes[k] >= 0 && classes[k] < position.length) {
                position[classes[k]] = k;
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            if (position[all.labels()[i]] >= 0) {
                keep.add(i);
            }
        }
        LabeledImages chosen = all.select(keep.stream().mapToInt(Integer::intValue).toArray());
        int[] labels = new int[chosen.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = position[chosen.labels()[i]];
        }
        return new LabeledImages(chosen.count(), chosen.rows(), chosen.cols(), chosen.pixels(), labels);
    }

    /** The classes 0 … {@code total} − 1 that are not in {@code excluded}, in increasing order. */
    public static int[] otherClasses(int total, int... excluded) {
        return java.util.stream.IntStream.range(0, total)
                .filter(c -> Arrays.stream(excluded).noneMatch(e -> e == c)).toArray();
    }

    /**
     * {@code perClass} images of each label 0 … {@code classes} − 1, drawn without replacement (a Fisher–Yates
     * shuffle of each label's images by {@code seed}), label after label.
     */
    public static LabeledImages sample(LabeledImages images, int classes, int perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] chosen = new int[classes * perClass];
        int n = 0;
        for (int label = 0; label < classes; label++) {
            int wanted = label;
            int[] pool = java.util.stream.IntStream.range(0, images.count())
                    .filter(i -> images.labels()[i] == wanted).toArray();
            if (pool.length < perClass) {
                throw new IllegalArgumentException("label " + label + " has " + pool.length + " images, fewer than the "
                        + perClass + " asked for");
            }
            for (int i = pool.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            System.arraycopy(pool, 0, chosen, n, perClass);
            n += perClass;
        }
        return images.select(chosen);
    }
}

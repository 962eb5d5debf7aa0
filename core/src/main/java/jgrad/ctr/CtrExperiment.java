package jgrad.ctr;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import jgrad.backend.Device;

/**
 * One model trained from several seeds on the same {@link CtrData}: each seed starts the weights, the batch
 * order and the dropout masks; the test scores are those of the best validation epoch. The summary is the
 * mean and the sample standard deviation over seeds.
 */
public final class CtrExperiment {

    /** One seed's run. */
    public record Run(long seed, CtrTraining.Result training, CtrTraining.Scores test) {
    }

    /** The runs of one model. */
    public record Summary(String model, List<Run> runs) {

        public double meanAuc() {
            return mean(runs.stream().mapToDouble(r -> r.test().auc()).toArray());
        }

        public double sdAuc() {
            return sd(runs.stream().mapToDouble(r -> r.test().auc()).toArray());
        }

        public double meanLogLoss() {
            return mean(runs.stream().mapToDouble(r -> r.test().logLoss()).toArray());
        }

        public double sdLogLoss() {
            return sd(runs.stream().mapToDouble(r -> r.test().logLoss()).toArray());
        }

        public double meanBestEpoch() {
            return mean(runs.stream().mapToDouble(r -> r.training().bestIndex() + 1).toArray());
        }

        public double secondsPerEpoch() {
            return mean(runs.stream().flatMap(r -> r.training().epochs().stream())
                    .mapToDouble(CtrTraining.Epoch::seconds).toArray());
        }
    }

    private CtrExperiment() {
    }

    /**
     * Builds a model per seed with {@code factory} (given the data and the seed's generator), moves it to
     * {@code device}, trains and tests it.
     */
    public static Summary run(String name, BiFunction<CtrData, RandomGenerator, CtrModel> factory, CtrData data,
                              CtrTraining.Settings settings, long[] seeds, Device device,
                              Consumer<CtrTraining.Epoch> onEpoch) {
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            RandomGenerator random = new SplittableRandom(seed);
            CtrModel model = factory.apply(data, random);
            model.to(device);
            CtrTraining.Result result = CtrTraining.fit(model, data.train(), data.validation(), settings, random,
                    onEpoch);
            runs.add(new Run(seed, result, CtrTraining.evaluate(model, data.test(), settings.batchSize())));
        }
        return new Summary(name, runs);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (0 for a single value). */
    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}

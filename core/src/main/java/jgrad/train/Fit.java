package jgrad.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import jgrad.tensor.Tensor;

/**
 * The options of {@link KerasModel#fit}, Keras's keyword arguments as a small builder:
 * {@code Fit.epochs(10).batchSize(64).validationSplit(0.2).seed(7).callbacks(new EarlyStopping(...))}.
 * Defaults: 1 epoch, batches of 32, shuffled with seed 0 (so a fit is reproducible unless the seed is
 * changed), no validation, progress on System.out with a live bar when that is a terminal.
 */
public final class Fit {

    int epochs = 1;
    int batchSize = 32;
    double validationSplit;
    List<Tensor> validationX;
    Tensor validationY;
    boolean shuffle = true;
    long seed;
    final List<Callback> callbacks = new ArrayList<>();
    PrintStream out = System.out;
    int verbose = 1;
    Boolean live;

    private Fit() {
    }

    public static Fit epochs(int epochs) {
        Fit f = new Fit();
        if (epochs < 1) {
            throw new IllegalArgumentException("fit: epochs must be >= 1, got " + epochs);
        }
        f.epochs = epochs;
        return f;
    }

    public Fit batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("fit: batchSize must be >= 1, got " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** Holds out the last fraction of the examples (before shuffling, as Keras does) for validation. */
    public Fit validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("fit: validationSplit must be in [0, 1), got " + fraction);
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Validates on these examples after each epoch (takes precedence over {@link #validationSplit}). */
    public Fit validationData(Tensor x, Tensor y) {
        return validationData(List.of(x), y);
    }

    public Fit validationData(List<Tensor> xs, Tensor y) {
        this.validationX = List.copyOf(xs);
        this.validationY = y;
        return this;
    }

    public Fit shuffle(boolean flag) {
        this.shuffle = flag;
        return this;
    }

    /** The seed of the shuffling generator: the same seed gives the same batches, hence the same weights. */
    public Fit seed(long s) {
        this.seed = s;
        return this;
    }

    public Fit callbacks(Callback... cbs) {
        this.callbacks.addAll(List.of(cbs));
        return this;
    }

    /** Where progress goes (tests pass a stream they read). */
    public Fit output(PrintStream stream) {
        this.out = stream;
        return this;
    }

    /** 0: silent; 1: progress. */
    public Fit verbose(int level) {
        this.verbose = level;
        return this;
    }

    /**
     * Forces the live bar on or off. By default it is on when the output is System.out and that is a
     * terminal (a console exists and, since JDK 22 returns a console for pipes too, it is a terminal).
     */
    public Fit liveProgress(boolean flag) {
        this.live = flag;
        return this;
    }

    boolean isLive() {
        if (live != null) {
            return live;
        }
        java.io.Console console = System.console();
        return console != null && console.isTerminal() && out == System.out;
    }
}

package jgrad.examples;

import java.util.List;
import java.util.Map;

import jgrad.nn.layers.Concat;
import jgrad.tensor.Tensor;
import jgrad.train.Merge;

/**
 * {@link Concat} as a node of a functional {@link jgrad.train.Model}, which takes {@link Merge}s: the
 * layers' merge interface and the training API's are being reconciled, and this bridge goes with it.
 */
final class ConcatMerge implements Merge {

    private final Concat concat = new Concat();

    @Override
    public Tensor forward(List<Tensor> inputs) {
        return concat.forward(inputs);
    }

    @Override
    public String type() {
        return concat.type();
    }

    @Override
    public Map<String, Object> config() {
        return concat.config();
    }
}

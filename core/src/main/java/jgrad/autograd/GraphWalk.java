package jgrad.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jgrad.tensor.Tensor;

/**
 * The collections one backward pass works with (the graph in topological order, the gradients pending
 * per tensor, the sums the pass owns), kept per thread and cleared after the pass, so that a training
 * step's backward does not allocate its bookkeeping anew. A pass that starts while another holds the
 * thread's set (a backward rule that itself runs backward) gets a fresh one.
 */
final class GraphWalk {

    private static final ThreadLocal<GraphWalk> OF_THREAD = ThreadLocal.withInitial(GraphWalk::new);
    /** A walk that grew past this many tensors is not kept: its tables would hold the memory. */
    private static final int KEEP_AT_MOST = 1 << 16;
    private static final Tensor[] NO_INPUTS = new Tensor[0];

    final List<Tensor> order = new ArrayList<>();
    final Map<Tensor, Tensor> pending = new IdentityHashMap<>();
    final Set<Tensor> sums = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Tensor> stack = new ArrayDeque<>();
    private int[] nextChild = new int[64];
    private boolean inUse;

    static GraphWalk take() {
        GraphWalk w = OF_THREAD.get();
        if (w.inUse) {
            w = new GraphWalk();
        }
        w.inUse = true;
        return w;
    }

    void release() {
        boolean keep = order.size() <= KEEP_AT_MOST;
        order.clear();
        pending.clear();
        sums.clear();
        seen.clear();
        stack.clear();
        inUse = false;
        if (!keep && OF_THREAD.get() == this) {
            OF_THREAD.remove();
        }
    }

    /** Fills {@link #order}: every tensor reachable from root through recorded inputs, each after its inputs. */
    void sortFrom(Tensor root) {
        stack.push(root);
        int depth = 0;
        nextChild[depth] = 0;
        seen.add(root);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int k = nextChild[depth];
            Tensor[] inputs = t.gradFn() == null ? NO_INPUTS : t.gradFn().inputs();
            if (t.gradFn() != null && t.gradFn().released()) {
                t.gradFn().apply(null);         // throws the "graph was freed" explanation
            }
            if (k < inputs.length) {
                nextChild[depth] = k + 1;
                Tensor in = inputs[k];
                if (in.requiresGrad() && seen.add(in)) {
                    stack.push(in);
                    if (++depth == nextChild.length) {
                        nextChild = java.util.Arrays.copyOf(nextChild, 2 * depth);
                    }
                    nextChild[depth] = 0;
                }
            } else {
                stack.pop();
                depth--;
                order.add(t);
            }
        }
    }
}

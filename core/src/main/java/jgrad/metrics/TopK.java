package jgrad.metrics;

/**
 * Turns scores into rankings. Ties are broken toward the lower index in {@link #indices}, and pessimistically
 * in {@link #rankOf} (the target goes after every candidate with the same score), so a model that scores
 * everything alike earns no hits by luck.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * The indices of the {@code k} highest scores, best first ({@code min(k, n)} of them). A partial
     * selection: O(n log k) with a bounded min-heap of indices.
     */
    public static int[] indices(double[] scores, int k) {
        return indices(scores, scores.length, null, k);
    }

    /**
     * {@link #indices(double[], int)} over the first {@code n} scores, leaving out every index i with
     * {@code excluded[i]} (null excludes none): {@code min(k, candidates)} indices, best first. It
     * allocates only the heap and the answer, so a query path can pass reused buffers.
     */
    public static int[] indices(double[] scores, int n, boolean[] excluded, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, got " + k);
        }
        Checks.noNaN(scores, n, "top-k");
        int candidates = n;
        if (excluded != null) {
            for (int i = 0; i < n; i++) {
                candidates -= excluded[i] ? 1 : 0;
            }
        }
        int size = Math.min(k, candidates);
        int[] heap = new int[size];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            if (excluded != null && excluded[i]) {
                continue;
            }
            if (filled < size) {
                heap[filled++] = i;
                siftUp(heap, filled - 1, scores);
            } else if (size > 0 && better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] out = new int[size];
        for (int left = size; left > 0; left--) {
            out[left - 1] = heap[0];
            heap[0] = heap[left - 1];
            siftDown(heap, left - 1, scores);
        }
        return out;
    }

    /** The 1-based rank of candidate {@code target}: 1 + the number of other candidates scoring at least as high. */
    public static int rankOf(double[] scores, int target) {
        java.util.Objects.checkIndex(target, scores.length);
        Checks.noNaN(scores, "rank");
        int rank = 1;
        for (int i = 0; i < scores.length; i++) {
            if (i != target && scores[i] >= scores[target]) {
                rank++;
            }
        }
        return rank;
    }

    /** Whether index a ranks before index b: higher score, then lower index. */
    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    /** Min-heap on "better": the root is the worst of the kept indices. */
    private static void siftUp(int[] heap, int i, double[] scores) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heap[parent], heap[i], scores)) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        int i = 0;
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

package jgrad.privacy.federated;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import jgrad.data.Batches;

/**
 * How a data set is split among simulated clients (McMahan et al., "Communication-Efficient Learning of Deep
 * Networks from Decentralized Data", 2017, §3): IID (a random permutation cut into equal parts) or the
 * pathological non-IID split (examples sorted by label, cut into shards, each client given a few shards, so
 * that most clients see only two classes).
 */
public final class Partitions {

    private Partitions() {
    }

    /** {@code n} examples dealt at random into {@code clients} parts whose sizes differ by at most one. */
    public static int[][] iid(int n, int clients, RandomGenerator random) {
        check(n, clients, 1);
        int[] order = Batches.permutation(n, random);
        int[][] parts = new int[clients][];
        for (int c = 0; c < clients; c++) {
            int from = (int) ((long) n * c / clients);
            int to = (int) ((long) n * (c + 1) / clients);
            parts[c] = Arrays.copyOfRange(order, from, to);
        }
        return parts;
    }

    /**
     * Sort by label (ties by index), cut into {@code clients · shardsPerClient} equal shards, and give each client
     * {@code shardsPerClient} shards drawn at random without replacement.
     */
    public static int[][] shards(int[] labels, int clients, int shardsPerClient, RandomGenerator random) {
        int n = labels.length;
        check(n, clients, shardsPerClient);
        Integer[] byLabel = new Integer[n];
        for (int i = 0; i < n; i++) {
            byLabel[i] = i;
        }
        Arrays.sort(byLabel, (a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : Integer.compare(a, b));
        int shardCount = clients * shardsPerClient;
        int[] shardOrder = Batches.permutation(shardCount, random);
        int[][] parts = new int[clients][];
        for (int c = 0; c < clients; c++) {
            int[] part = new int[0];
            for (int s = 0; s < shardsPerClient; s++) {
                int shard = shardOrder[c * shardsPerClient + s];
                int from = (int) ((long) n * shard / shardCount);
                int to = (int) ((long) n * (shard + 1) / shardCount);
                int old = part.length;
                part = Arrays.copyOf(part, old + to - from);
                for (int i = from; i < to; i++) {
                    part[old + i - from] = byLabel[i];
                }
            }
            parts[c] = part;
        }
        return parts;
    }

    private static void check(int n, int clients, int shardsPerClient) {
        if (clients < 1 || shardsPerClient < 1) {
            throw new IllegalArgumentException("need at least one client and one shard each, got " + clients + " clients, "
                    + shardsPerClient + " shards per client");
        }
        if ((long) clients * shardsPerClient > n) {
            throw new IllegalArgumentException(clients + " clients × " + shardsPerClient + " shards need at least that many"
                    + " examples; there are " + n + ", so some client would have no data");
        }
    }
}

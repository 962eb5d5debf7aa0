package jgrad.serve;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;

import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.recsys.Recommender;

/** Small models with scores a reader can compute by hand. */
final class ServeFixtures {

    private ServeFixtures() {
    }

    /** 3 users, 6 items; score(u, i) = (i + 1) · (u + 1) + offset: the higher the item, the better. */
    static Recommender linear(double offset) {
        return new Recommender() {
            @Override public int numUsers() { return 3; }
            @Override public int numItems() { return 6; }
            @Override public double[] scoreItems(int user) {
                double[] s = new double[6];
                for (int i = 0; i < 6; i++) {
                    s[i] = (i + 1) * (user + 1) + offset;
                }
                return s;
            }
        };
    }

    /** Like {@link #linear}, but each scoring waits at {@code gate} after announcing itself on {@code entered}. */
    static Recommender gated(double offset, CountDownLatch entered, CountDownLatch gate) {
        Recommender inner = linear(offset);
        return new Recommender() {
            @Override public int numUsers() { return 3; }
            @Override public int numItems() { return 6; }
            @Override public double[] scoreItems(int user) {
                entered.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return inner.scoreItems(user);
            }
        };
    }

    /**
     * Users 1, 2, 3 (dense 0, 1, 2) on items 1 … 6; user 1 has seen items 6 and 4, user 2 nothing, and user 3
     * was not trained.
     */
    static ServedRecommender served(Recommender model, String name) {
        BitSet trained = new BitSet();
        trained.set(0, 2);
        return ServedRecommender.of(model, name, 1, new int[][] {{5, 3}, {}, {}}, trained);
    }

    /** score = 2·x + (colour == "red" ? 1 : 0), from a CSV with columns x (double in [0, 100]) and colour. */
    static RowScorer rowScorer() {
        return new RowScorer() {
            @Override public String name() { return "toy scorer"; }
            @Override public Schema schema() {
                return Schema.of(Column.of("x", ColumnType.DOUBLE).range(0, 100), Column.of("colour", ColumnType.STRING));
            }
            @Override public CsvFormat format() { return CsvFormat.csv().withSeparator(';'); }
            @Override public double[] score(Table rows) {
                double[] x = rows.doubles("x");
                String[] c = rows.strings("colour");
                double[] s = new double[x.length];
                for (int r = 0; r < s.length; r++) {
                    s[r] = 2 * x[r] + ("red".equals(c[r]) ? 1 : 0);
                }
                return s;
            }
        };
    }
}

package jgrad.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import jgrad.data.csv.Table;

/**
 * A contextual offer simulator calibrated on the UCI Bank Marketing calls (Moro, Cortez and Rita 2014; read with
 * {@code MarketingData.bankMarketing}): the bank chooses how and when to call a client — the channel (cellular,
 * telephone) and the weekday (Monday to Friday), 10 arms — and the client subscribes to a term deposit or not.
 * Each round shows a real client drawn uniformly from the file, with context
 * <pre>
 *   x = [1, (age − 40)/10, job blue-collar, management, technician, admin., retired, student, married,
 *        university degree, housing loan, personal loan, contacted before, previous outcome success,
 *        (euribor3m − 3.6)/1.7]
 * </pre>
 * and arm a succeeds with probability σ(w_aᵀx), w_a the ridge logistic regression ({@link LogisticRegression},
 * λ = 1) of {@code y} on the clients called that way. Unlike Hillstrom's e-mails, the bank did not randomize how
 * it called, so these response models are associations in the data, not causal effects: the simulator has real
 * rates and a real effect of the context, and is a test bed for the policies, not a forecast for the bank.
 */
public final class BankSimulator implements ContextualSimulator {

    /** The arms, in order: channel × weekday. */
    public static final List<String> ARMS = channelsByWeekday();

    private static final List<String> JOBS = List.of("blue-collar", "management", "technician", "admin.", "retired",
            "student");

    private final double[][] clients;
    private final double[][] weights;

    private BankSimulator(double[][] clients, double[][] weights) {
        this.clients = clients;
        this.weights = weights;
    }

    /** Fits one response model per arm on the calls of {@code table}. */
    public static BankSimulator fit(Table table) {
        int n = table.rowCount();
        double[][] x = new double[n][];
        int[] arm = new int[n];
        double[] y = new double[n];
        boolean[] subscribed = table.booleans("y");
        String[] contact = table.strings("contact");
        String[] day = table.strings("day_of_week");
        double[][] contexts = contexts(table);
        for (int r = 0; r < n; r++) {
            x[r] = contexts[r];
            String name = contact[r] + " " + day[r];
            arm[r] = ARMS.indexOf(name);
            if (arm[r] < 0) {
                throw new IllegalArgumentException(table.source() + ": data row " + (r + 1) + ": contact and weekday '"
                        + name + "' are none of " + ARMS);
            }
            y[r] = subscribed[r] ? 1 : 0;
        }
        double[][] weights = new double[ARMS.size()][];
        for (int a = 0; a < weights.length; a++) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (arm[r] == a) {
                    rows.add(r);
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(table.source() + ": no client was called by '" + ARMS.get(a)
                        + "', so its response cannot be fitted");
            }
            double[][] xa = new double[rows.size()][];
            double[] ya = new double[rows.size()];
            for (int i = 0; i < xa.length; i++) {
                xa[i] = x[rows.get(i)];
                ya[i] = y[rows.get(i)];
            }
            weights[a] = LogisticRegression.fit(xa, ya, 1, 50);
        }
        return new BankSimulator(x, weights);
    }

    /** Every client's context x, in the order of the table's rows. */
    public static double[][] contexts(Table table) {
        Columns columns = new Columns(table);
        double[][] x = new double[table.rowCount()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = columns.context(r);
        }
        return x;
    }

    /** The columns the context is made of. */
    private record Columns(int[] age, String[] job, String[] marital, String[] education, String[] housing,
                           String[] loan, String[] poutcome, double[] euribor) {

        Columns(Table t) {
            this(t.ints("age"), t.strings("job"), t.strings("marital"), t.strings("education"), t.strings("housing"),
                    t.strings("loan"), t.strings("poutcome"), t.doubles("euribor3m"));
        }

        double[] context(int r) {
            double[] x = new double[9 + JOBS.size()];
            int k = 0;
            x[k++] = 1;
            x[k++] = (age[r] - 40) / 10.0;
            for (String j : JOBS) {
                x[k++] = bit(j.equals(job[r]));
            }
            x[k++] = bit("married".equals(marital[r]));
            x[k++] = bit("university.degree".equals(education[r]));
            x[k++] = bit("yes".equals(housing[r]));
            x[k++] = bit("yes".equals(loan[r]));
            x[k++] = bit(!"nonexistent".equals(poutcome[r]));
            x[k++] = bit("success".equals(poutcome[r]));
            x[k] = (euribor[r] - 3.6) / 1.7;
            return x;
        }
    }

    private static double bit(boolean b) {
        return b ? 1 : 0;
    }

    private static List<String> channelsByWeekday() {
        List<String> names = new ArrayList<>();
        for (String channel : List.of("cellular", "telephone")) {
            for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
                names.add(channel + " " + day);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> armNames() {
        return ARMS;
    }

    @Override
    public int dimension() {
        return clients[0].length;
    }

    @Override
    public Round next(RandomGenerator random) {
        double[] x = clients[random.nextInt(clients.length)];
        return new Round(x.clone(), expectedRewards(x));
    }

    @Override
    public double[] expectedRewards(double[] context) {
        return LogisticRegression.probabilities(weights, context);
    }
}

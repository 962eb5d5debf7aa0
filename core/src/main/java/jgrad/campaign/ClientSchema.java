package jgrad.campaign;

import java.util.List;

/**
 * Which columns of a client table describe a client and which is the outcome of contacting them.
 *
 * @param numeric columns imputed with the training median and standardized
 * @param categorical columns one-hot encoded over the training vocabulary
 * @param outcome the 0/1 (yes/no) column the response model predicts
 */
public record ClientSchema(List<String> numeric, List<String> categorical, String outcome) {

    /**
     * UCI Bank Marketing ({@code bank-additional*.csv}, Moro, Cortez and Rita 2014): who subscribed to a term
     * deposit when called. {@code duration} is left out: a call's length is known only after the call, and a
     * short call is a "no", so it would leak the answer.
     */
    public static final ClientSchema BANK = new ClientSchema(
            List.of("age", "campaign", "pdays", "previous", "emp.var.rate", "cons.price.idx", "cons.conf.idx",
                    "euribor3m", "nr.employed"),
            List.of("job", "marital", "education", "default", "housing", "loan", "contact", "month", "day_of_week",
                    "poutcome"),
            "y");

    /**
     * Kevin Hillstrom's e-mail experiment (MineThatData 2008): months since the last purchase, last year's spend,
     * what was bought (men's, women's merchandise), where and how the customer buys, whether they are new; the
     * outcome is {@code visit} or {@code conversion}. The e-mail sent ({@code segment}) is the treatment, never a
     * feature; {@code history_segment} only bins {@code history}.
     */
    public static ClientSchema hillstrom(String outcome) {
        if (!outcome.equals("visit") && !outcome.equals("conversion")) {
            throw new IllegalArgumentException("the Hillstrom outcome is visit or conversion, got '" + outcome + "'");
        }
        return new ClientSchema(List.of("recency", "history"), List.of("mens", "womens", "zip_code", "newbie",
                "channel"), outcome);
    }

    public ClientSchema {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
    }
}

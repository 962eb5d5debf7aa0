package jgrad.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jgrad.campaign.bank.BankFeatures;
import jgrad.data.BadRows;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;

/**
 * The data sets {@code ./jgrad segment} knows: how to read each file, which columns describe a customer
 * (numeric, categorical) and which one is the outcome whose rate each segment reports.
 */
enum SegmentSchema {

    /** UCI Bank Marketing: the demo's client features ({@code duration} left out, as there); outcome: subscribed. */
    BANK("clients", "subscribed", BankFeatures.NUMERIC, BankFeatures.CATEGORICAL, "y"),

    /**
     * UCI Online Shoppers: the session's page counts, durations and Google Analytics rates, its month, visitor
     * type and weekend flag (operating system, browser, region and traffic type are codes without an order,
     * and many, so they are left out); outcome: the session bought.
     */
    SHOPPERS("sessions", "bought", List.of("Administrative", "Administrative_Duration", "Informational",
            "Informational_Duration", "ProductRelated", "ProductRelated_Duration", "BounceRates", "ExitRates",
            "PageValues", "SpecialDay"), List.of("Month", "VisitorType", "Weekend"), "Revenue");

    final String rows;
    final String outcomeVerb;
    final List<String> numeric;
    final List<String> categorical;
    final String outcome;

    SegmentSchema(String rows, String outcomeVerb, List<String> numeric, List<String> categorical, String outcome) {
        this.rows = rows;
        this.outcomeVerb = outcomeVerb;
        this.numeric = numeric;
        this.categorical = categorical;
        this.outcome = outcome;
    }

    static SegmentSchema parse(String text) {
        return switch (text) {
            case "bank" -> BANK;
            case "shoppers" -> SHOPPERS;
            default -> throw new UsageException("--schema must be bank or shoppers, got '" + text + "'");
        };
    }

    String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    Table read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--data " + file + ": no such file");
        }
        return this == BANK ? MarketingData.bankMarketing(file, BadRows.failFast())
                : MarketingData.onlineShoppers(file, BadRows.failFast());
    }
}

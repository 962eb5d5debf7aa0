/**
 * Campaign measures over an activity log: retention by cohort (article 000 §9.1). A user's cohort is the
 * calendar period (UTC day, ISO week, month or year) of their first activity; the retention of cohort c after
 * k periods is the share of c's users with any activity in period c + k. CTR and CVR over a funnel are in
 * {@code jgrad.metrics.EventFunnel}.
 */
package jgrad.cohort;

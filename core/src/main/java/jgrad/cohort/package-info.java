/**
 * Campaign measures over an activity log (article 000 §9.1): retention by cohort, and CTR, CVR and cost per
 * acquisition by campaign group ({@link jgrad.cohort.CampaignMeasures}). A user's cohort is the calendar period
 * (UTC day, ISO week, month or year) of their first activity; the retention of cohort c after k periods is the
 * share of c's users with any activity in period c + k. The funnel counts themselves are
 * {@code jgrad.metrics.EventFunnel}.
 */
package jgrad.cohort;

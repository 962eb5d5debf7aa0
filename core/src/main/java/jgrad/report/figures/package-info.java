/**
 * The standard figures of jgrad's results, drawn with {@link jgrad.report}: the numbers come straight from
 * the library that computed them (a {@link jgrad.train.History}, {@link jgrad.metrics.ScoreCurves}, a
 * {@link jgrad.metrics.ConfusionMatrix}, …), so a command only chooses which figures to put in its report.
 */
package jgrad.report.figures;

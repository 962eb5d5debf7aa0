/**
 * Plots and reports a person can read at a glance: a small SVG plotting library (line plots of several
 * series — training curves, ROC, precision–recall, cumulative gain, Qini, regret, privacy/utility — bar
 * charts and heat maps, each with labelled axes, units, readable ticks and a legend) and a writer of one
 * self-contained HTML file (inline SVG and CSS, nothing fetched from the network).
 *
 * <p>The package depends on nothing else in jgrad: it draws the numbers it is given. The numbers come
 * from the libraries that compute them ({@code jgrad.metrics}, {@code jgrad.train.History},
 * {@code jgrad.uplift}, {@code jgrad.bandit}, …). Every data point is also written, unrounded, in a
 * {@code data-points} attribute of its polyline or {@code data-value} of its bar or cell, so a test or a
 * script can read the plotted values back.
 */
package jgrad.report;

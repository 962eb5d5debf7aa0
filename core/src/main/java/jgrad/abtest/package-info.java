/**
 * A/B tests of conversion rates: the two-proportion z-test, Wilson intervals for a rate and Newcombe's
 * interval for a difference, relative lift with its interval, sample size and power for a minimum
 * detectable effect, the sample-ratio-mismatch χ² check, and a sequential test that stays valid when the
 * test is looked at every day (the mixture SPRT of Johari, Pekelis and Walsh, <i>Always valid inference</i>,
 * 2017), with the simulation that shows why naive peeking is not.
 *
 * <p>These are statistics over counts, so they are plain Java over host numbers, not tensor code.
 * Conventions: counts must be non-negative with successes ≤ trials; a quantity whose formula is undefined
 * on the data (a relative lift over a control with no successes) is {@code NaN}, never a made-up number.
 */
package jgrad.abtest;

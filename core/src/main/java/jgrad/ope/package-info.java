/**
 * Off-policy evaluation: the value of a target policy π_e estimated from rounds logged under another policy
 * π₀, each logged as (context x, action a, propensity π₀(a|x), reward r). Estimators (Dudík, Langford and Li 2011;
 * Swaminathan and Joachims 2015; Li, Chu, Langford and Wang 2011), with wᵢ = π_e(aᵢ|xᵢ)/π₀(aᵢ|xᵢ) and a reward
 * model q̂(x, a):
 * <pre>
 *   replay  mean of rᵢ over the rounds where aᵢ is the target's most probable action
 *   IPS     (1/n) Σ wᵢ rᵢ
 *   SNIPS   Σ wᵢ rᵢ / Σ wᵢ
 *   DM      (1/n) Σᵢ Σ_a π_e(a|xᵢ) q̂(xᵢ, a)
 *   DR      DM + (1/n) Σ wᵢ (rᵢ − q̂(xᵢ, aᵢ))
 *   SNDR    DM + Σ wᵢ (rᵢ − q̂(xᵢ, aᵢ)) / Σ wᵢ
 * </pre>
 * with percentile bootstrap intervals. Host arithmetic over the log, not tensor code.
 */
package jgrad.ope;

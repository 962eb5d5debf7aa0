/**
 * Multi-armed and contextual bandits for campaign decisions (which offer to send to whom), simulators
 * calibrated on real experiments, and the runner that measures regret.
 *
 * <p>One interface, {@link jgrad.bandit.BanditPolicy}: choose an arm for a context, learn from its reward.
 * Policies: ε-greedy with decay, UCB1 (Auer, Cesa-Bianchi and Fischer 2002), Thompson sampling with
 * Beta–Bernoulli posteriors, disjoint LinUCB (Li, Chu, Langford and Schapire 2010) and linear Thompson
 * sampling (Agrawal and Goyal 2013). Every random choice comes from a {@link java.util.random.RandomGenerator}
 * the caller seeds. The statistics are small host arrays (d ≤ a few dozen), not tensors.
 */
package jgrad.bandit;

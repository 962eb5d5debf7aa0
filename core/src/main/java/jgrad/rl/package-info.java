/**
 * Reinforcement learning for multi-step campaigns: {@link jgrad.rl.CampaignEnvironment}, a weekly e-mail
 * campaign calibrated on Hillstrom's experiment in which repeated contacts tire the customer, and
 * {@link jgrad.rl.Reinforce}, REINFORCE with a learned baseline (Williams 1992; Sutton and Barto, 2nd ed., §13.4)
 * on the engine.
 */
package jgrad.rl;

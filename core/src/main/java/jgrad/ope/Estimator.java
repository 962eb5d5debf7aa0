package jgrad.ope;

/** The off-policy estimators of this package (formulas in {@code package-info}). */
public enum Estimator {
    REPLAY, IPS, SNIPS, DM, DR, SNDR;

    /** Whether the estimator needs a reward model q̂. */
    public boolean needsRewardModel() {
        return this == DM || this == DR || this == SNDR;
    }
}

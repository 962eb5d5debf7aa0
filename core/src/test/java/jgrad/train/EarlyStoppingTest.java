package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule on its own, as a loop that runs its own epochs uses it (no weights kept, so no model needed). */
class EarlyStoppingTest {

    @Test
    void stopsWhenTheBestIsPatienceEpochsOld() {
        EarlyStopping s = new EarlyStopping("hr@10", true, 2, 0, false);
        // 0.1 best at 0, 0.3 best at 1; 0.3 (a tie is no improvement) waits 1; 0.2 waits 2 = patience: stop
        assertFalse(s.update(0, 0.1, null));
        assertFalse(s.update(1, 0.3, null));
        assertFalse(s.update(2, 0.3, null));
        assertTrue(s.update(3, 0.2, null));
        assertEquals(1, s.bestEpoch());
        assertEquals(0.3, s.best());
        s.reset();
        assertEquals(-1, s.bestEpoch());
    }

    @Test
    void theDirectionIsGuessedFromTheNameUnlessGiven() {
        EarlyStopping loss = new EarlyStopping("val_loss", 1, 0, false);
        assertFalse(loss.update(0, 0.5, null));
        assertTrue(loss.update(1, 0.6, null), "a higher loss is no improvement");
        EarlyStopping auc = new EarlyStopping("val_auc", 1, 0, false);
        assertFalse(auc.update(0, 0.5, null));
        assertFalse(auc.update(1, 0.6, null), "a higher auc is an improvement");
        EarlyStopping lowerHr = new EarlyStopping("hr@10", false, 1, 0, false);
        assertFalse(lowerHr.update(0, 0.5, null));
        assertTrue(lowerHr.update(1, 0.6, null));
    }

    @Test
    void anImprovementMustExceedMinDelta() {
        EarlyStopping s = new EarlyStopping("val_loss", 1, 0.1, false);
        assertFalse(s.update(0, 1.0, null));
        assertTrue(s.update(1, 0.95, null), "0.05 below the best is within minDelta 0.1");
        assertEquals(0, s.bestEpoch());
    }
}

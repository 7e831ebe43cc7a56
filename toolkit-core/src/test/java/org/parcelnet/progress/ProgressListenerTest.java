package org.parcelnet.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressListenerTest {

    @Test
    void cancelledWithReportsNothingButFollowsTheOwnersCancellation() {
        CancellingListener owner = CancellingListener.afterWork(10);
        ProgressListener beside = ProgressListener.cancelledWith(owner);

        beside.begin("beside", 100);
        beside.advance(50);
        assertEquals(0, owner.work()); // not passed on
        assertFalse(owner.isCancelled());
        assertFalse(beside.isCancelled());
        beside.end();

        owner.advance(10);
        assertTrue(beside.isCancelled());
        assertThrows(CancelledException.class, beside::checkCancelled);
    }
}

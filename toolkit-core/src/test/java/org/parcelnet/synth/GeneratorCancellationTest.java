package org.parcelnet.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.CancellingListener;

/** Cancelling the generator mid-run writes nothing; a full run reports every shipment. */
class GeneratorCancellationTest {

    private static final GeneratorConfig SMALL = GeneratorConfig.builder().shipments(20_000).rings(3).build();

    @Test
    void cancelledRunLeavesNoFiles(@TempDir Path dir) throws IOException {
        for (int threads = 1; threads <= 2; threads++) {
            Path out = dir.resolve("t" + threads);
            Files.createDirectories(out);
            CancellingListener l = CancellingListener.afterWork(5_000);
            int t = threads;
            assertThrows(CancelledException.class, () -> new NetworkGenerator(SMALL).writeTo(out, false, t, l));
            assertTrue(l.balanced(), "end() called");
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(0, files.count(), "nothing written");
            }
        }
    }

    @Test
    void progressCountsEveryShipment(@TempDir Path dir) throws IOException {
        CancellingListener l = CancellingListener.afterWork(Long.MAX_VALUE);
        NetworkGenerator.Summary s = new NetworkGenerator(SMALL).writeTo(dir, false, 2, l);
        assertEquals(s.shipments(), l.work());
        assertTrue(l.balanced());
    }
}

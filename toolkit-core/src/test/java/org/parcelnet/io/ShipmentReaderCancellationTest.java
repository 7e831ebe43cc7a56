package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.CancellingListener;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/** Cancelling a read stops it with {@link CancelledException}, for every thread count. */
class ShipmentReaderCancellationTest {

    @Test
    void cancelledReadThrowsAndEndsTheProgress(@TempDir Path dir) throws IOException {
        new NetworkGenerator(GeneratorConfig.builder().shipments(20_000).rings(2).build()).writeTo(dir, false, 1);
        Path file = dir.resolve("shipments.csv");
        long size = Files.size(file);
        for (int threads = 1; threads <= 3; threads++) {
            for (int chunk : new int[] {0, 1 << 16}) {
                CancellingListener l = CancellingListener.afterWork(size / 4);
                ShipmentReader.Options o = ShipmentReader.Options.defaults().withProgress(l);
                int t = threads;
                assertThrows(CancelledException.class, () -> ShipmentReader.read(file, o, chunk, t),
                        "threads " + threads + " chunk " + chunk);
                assertTrue(l.balanced(), "end() called");
                assertTrue(l.work() < size, "stopped before the end");
            }
        }
        CancellingListener all = CancellingListener.afterWork(Long.MAX_VALUE);
        ShipmentReader.Result r = ShipmentReader.read(file, ShipmentReader.Options.defaults().withProgress(all), 1 << 16, 2);
        assertEquals(20_000, r.table().size());
        assertEquals(size, all.work());
    }
}

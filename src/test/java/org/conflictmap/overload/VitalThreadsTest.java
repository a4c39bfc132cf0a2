package org.conflictmap.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** A vital thread that dies turns {@code vitalThreads} DOWN, with its name. */
class VitalThreadsTest {
    @Test
    void downOnceAWatchedThreadHasDied() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread poller = new Thread(
                () -> {
                    try {
                        stop.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "http-nio-0-Poller");
        poller.start();
        VitalThreads vital = new VitalThreads();
        vital.watch(poller);
        assertThat(vital.health().getStatus()).isEqualTo(Status.UP);
        stop.countDown();
        poller.join();
        assertThat(vital.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(vital.health().getDetails()).containsEntry("dead", java.util.List.of("http-nio-0-Poller"));
    }
}

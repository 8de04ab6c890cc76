package vn.partyledger.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class StallsTest {

    /** A clock the naps move on by the given milliseconds each, then stop the watcher waiting for ever. */
    private static final class Naps implements Stalls.Nap {
        private final AtomicLong nanos = new AtomicLong();
        private final List<Double> millis;
        private final CountDownLatch done = new CountDownLatch(1);
        private int taken;

        Naps(Double... millis) {
            this.millis = List.of(millis);
        }

        @Override
        public void oneMillisecond() throws InterruptedException {
            if (taken == millis.size()) {
                done.countDown();
                new CountDownLatch(1).await();
            }
            nanos.addAndGet((long) (millis.get(taken++) * 1e6));
        }

        long now() {
            return nanos.get();
        }

        void awaitAll() throws InterruptedException {
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void onlyWakeUpsMoreThanFiveMillisecondsLateAreCountedWithHowLateTheyWere() throws Exception {
        Naps naps = new Naps(1.1, 41.0, 6.0, 7.0, 1.0);
        try (Stalls stalls = new Stalls(naps, naps::now)) {
            naps.awaitAll();
            assertThat(stalls.takeSeen()).isEqualTo(new Stalls.Seen(2, 40.0, 46.0));
        }
    }

    @Test
    void whatWasSeenIsCountedAfreshAfterEachLook() throws Exception {
        Naps naps = new Naps(21.0);
        try (Stalls stalls = new Stalls(naps, naps::now)) {
            naps.awaitAll();
            assertThat(stalls.takeSeen()).isEqualTo(new Stalls.Seen(1, 20.0, 20.0));
            assertThat(stalls.takeSeen()).isEqualTo(new Stalls.Seen(0, 0, 0));
        }
    }
}

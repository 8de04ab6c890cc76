package vn.partyledger.query.roster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0068: a read's branches are worked out a few at once, and a read stopped stops them. */
class RollWorkersTest {

    @Test
    void everyBranchIsWorkedOutOnceAndAnsweredUnderItsOwnId() {
        List<String> branches = IntStream.range(0, 100).mapToObj(i -> "branch-" + i).toList();

        Map<String, Integer> calls = new ConcurrentHashMap<>();

        Map<String, Optional<String>> worked = RollWorkers.workOut(branches, branchId -> {
            calls.merge(branchId, 1, Integer::sum);
            return branchId.endsWith("7") ? Optional.empty() : Optional.of("roll of " + branchId);
        });

        assertThat(calls).hasSize(100).allSatisfy((branchId, times) -> assertThat(times).isOne());
        assertThat(worked).hasSize(100);
        assertThat(worked.get("branch-42")).contains("roll of branch-42");
        assertThat(worked.get("branch-17")).isEmpty();
    }

    @Test
    void branchesAreWorkedOutAtTheSameTime() {
        // each of the first branches waits until all of them have started: one after another, none would
        CountDownLatch allStarted = new CountDownLatch(RollWorkers.AT_ONCE);
        List<String> branches = IntStream.range(0, RollWorkers.AT_ONCE).mapToObj(i -> "branch-" + i).toList();

        Map<String, Optional<Boolean>> worked = RollWorkers.workOut(branches, branchId -> {
            allStarted.countDown();
            try {
                return Optional.of(allStarted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });

        assertThat(worked.values()).containsOnly(Optional.of(true));
    }

    @Test
    void aFailureWorkingOutOneBranchFailsTheReadWithThatFailure() {
        IllegalStateException storeDown = new IllegalStateException("store unreachable");

        assertThatThrownBy(() -> RollWorkers.workOut(List.of("branch-1", "branch-2"), branchId -> {
            if (branchId.equals("branch-2")) {
                throw storeDown;
            }
            return Optional.of(branchId);
        })).isSameAs(storeDown);
    }

    @Test
    void aReadStoppedAtItsTimeLimitStopsTheBranchesItWaitsForAndStaysInterrupted() throws Exception {
        CountDownLatch working = new CountDownLatch(2);
        CountDownLatch workersStopped = new CountDownLatch(2);
        AtomicReference<Throwable> readEnded = new AtomicReference<>();
        AtomicReference<Boolean> readerStillInterrupted = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                RollWorkers.workOut(List.of("branch-1", "branch-2"), branchId -> {
                    working.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException stopped) {
                        workersStopped.countDown();
                    }
                    return Optional.of(branchId);
                });
            } catch (Throwable ended) {
                readEnded.set(ended);
                readerStillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        reader.start();
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        reader.interrupt();
        reader.join(10_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(readEnded.get()).isInstanceOf(CancellationException.class);
        assertThat(readerStillInterrupted.get()).isTrue();
        assertThat(workersStopped.await(10, TimeUnit.SECONDS)).isTrue();
    }
}

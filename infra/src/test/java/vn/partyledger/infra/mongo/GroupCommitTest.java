package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.exception.MongoServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService writers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aWriteIsAnsweredOnlyOnceASyncCoveringItHasCompleted() throws Exception {
        CountDownLatch syncStarted = new CountDownLatch(1);
        CountDownLatch releaseSync = new CountDownLatch(1);
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                syncStarted.countDown();
                await(releaseSync);
            }
        });

        Future<String> answer = writers.submit(() -> groupCommit.durably(() -> "ok"));

        assertThat(syncStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(answer).isNotDone();
        releaseSync.countDown();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(groupCommit.counts()).isEqualTo(new SyncCounts(1, 1));
    }

    @Test
    void aReadIsAnsweredOnlyOnceEveryWriteItCouldHaveSeenIsOnDisk() throws Exception {
        CountDownLatch syncStarted = new CountDownLatch(1);
        CountDownLatch releaseSync = new CountDownLatch(1);
        AtomicBoolean applied = new AtomicBoolean();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                syncStarted.countDown();
                await(releaseSync);
            }
        });

        Future<String> write = writers.submit(() -> groupCommit.durably(() -> {
            applied.set(true);
            return "written";
        }));
        assertThat(syncStarted.await(5, TimeUnit.SECONDS)).isTrue(); // applied, its sync held back
        Future<Boolean> read = writers.submit(() -> groupCommit.readDurably(applied::get));

        Thread.sleep(100);
        assertThat(read).as("a read that saw the write before it is on disk").isNotDone();
        releaseSync.countDown();
        assertThat(read.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("written");
        assertThat(groupCommit.counts()).isEqualTo(new SyncCounts(1, 1));
    }

    @Test
    void aReadOverlappingAWriteStillBeingAppliedWaitsForItsSync() throws Exception {
        CountDownLatch halfApplied = new CountDownLatch(1);
        CountDownLatch finishApplying = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                syncs.incrementAndGet();
            }
        });

        Future<String> write = writers.submit(() -> groupCommit.durably(() -> {
            halfApplied.countDown(); // the data map is written, a reader can see it...
            await(finishApplying); // ...the unique index is not yet
            return "written";
        }));
        assertThat(halfApplied.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> read = writers.submit(() -> groupCommit.readDurably(() -> "saw the data map"));

        Thread.sleep(100);
        assertThat(read).isNotDone();
        assertThat(syncs).hasValue(0);
        finishApplying.countDown();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("saw the data map");
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("written");
        assertThat(syncs).hasValue(1);
    }

    @Test
    void aReadWithNoWritePendingIsAnsweredWithoutASyncAndAReadAfterAFailedSyncIsRefused() {
        AtomicInteger syncs = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                if (syncs.incrementAndGet() == 2) {
                    throw new IllegalStateException("Could not sync file: Input/output error");
                }
            }
        });

        assertThat(groupCommit.readDurably(() -> "nothing written yet")).isEqualTo("nothing written yet");
        groupCommit.durably(() -> "first");
        assertThat(groupCommit.readDurably(() -> "first is on disk")).isEqualTo("first is on disk");
        assertThat(syncs).hasValue(1);

        assertThatThrownBy(() -> groupCommit.durably(() -> "second")).hasMessageContaining("Input/output error");
        assertThat(groupCommit.failure()).isPresent();
        assertThatThrownBy(() -> groupCommit.readDurably(() -> "may see the second"))
                .isInstanceOf(MongoServerException.class)
                .hasMessageContaining("could not write to disk");
    }

    @Test
    void aWriteNotAskingForTheJournalIsAnsweredAtOnceAndSyncedByTheFlusher() throws Exception {
        CountDownLatch synced = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                syncs.incrementAndGet();
                synced.countDown();
            }
        }, Duration.ofMillis(20));
        try {
            assertThat(groupCommit.applied(() -> "projection row")).isEqualTo("projection row");
            assertThat(synced.await(5, TimeUnit.SECONDS)).as("the flusher synced the pending write").isTrue();
            // a read waits only for journaled writes: nothing to wait for, and no sync of its own
            int before = syncs.get();
            assertThat(groupCommit.readDurably(() -> "read")).isEqualTo("read");
            assertThat(syncs.get()).isEqualTo(before);
        } finally {
            groupCommit.closeExclusively(() -> { });
        }
    }

    @Test
    void aReadWaitsForAJournaledWriteButNotForOneThatDidNotAskForTheJournal() throws Exception {
        CountDownLatch syncStarted = new CountDownLatch(1);
        CountDownLatch releaseSync = new CountDownLatch(1);
        AtomicBoolean holdSyncs = new AtomicBoolean(false);
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                if (holdSyncs.get()) {
                    syncStarted.countDown();
                    awaitQuietly(releaseSync);
                }
            }
        });
        groupCommit.applied(() -> "token update");
        assertThat(groupCommit.readDurably(() -> "sees the token update")).isEqualTo("sees the token update");

        holdSyncs.set(true);
        Future<String> journaled = writers.submit(() -> groupCommit.durably(() -> "event commit"));
        assertThat(syncStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> read = writers.submit(() -> groupCommit.readDurably(() -> "sees the commit"));
        Thread.sleep(100);
        assertThat(read.isDone()).as("a read that may see the journaled write waits for its sync").isFalse();
        releaseSync.countDown();
        assertThat(journaled.get(5, TimeUnit.SECONDS)).isEqualTo("event commit");
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("sees the commit");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentWritersShareSyncs() throws Exception {
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                sleep(2); // about one disk flush
            }
        });

        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    groupCommit.durably(() -> "ok");
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(30, TimeUnit.SECONDS);
        }

        SyncCounts counts = groupCommit.counts();
        assertThat(counts.writes()).isEqualTo(400);
        assertThat(counts.syncs()).isLessThan(counts.writes() / 2);
    }

    @Test
    void theCommitNeverRunsWhileAWriteIsHalfApplied() throws Exception {
        AtomicBoolean halfApplied = new AtomicBoolean();
        AtomicInteger commitsDuringAWrite = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
                if (halfApplied.get()) {
                    commitsDuringAWrite.incrementAndGet();
                }
            }

            @Override
            public void sync() {
            }
        });

        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    groupCommit.durably(() -> {
                        halfApplied.set(true); // the data map is written...
                        Thread.yield();
                        halfApplied.set(false); // ...then the unique index
                        return "ok";
                    });
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(30, TimeUnit.SECONDS);
        }

        assertThat(commitsDuringAWrite).hasValue(0);
        assertThat(groupCommit.counts().writes()).isEqualTo(800);
    }

    @Test
    void aFailedSyncFailsItsWriteAndRefusesEveryLaterOneUnapplied() {
        AtomicInteger applied = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                throw new IllegalStateException("Could not sync file: Input/output error");
            }
        });

        assertThatThrownBy(() -> groupCommit.durably(applied::incrementAndGet))
                .hasMessageContaining("Input/output error");
        assertThatThrownBy(() -> groupCommit.durably(applied::incrementAndGet))
                .isInstanceOf(MongoServerException.class)
                .hasMessageContaining("could not write to disk");
        assertThat(applied).hasValue(1);
        assertThat(groupCommit.counts()).isEqualTo(new SyncCounts(0, 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

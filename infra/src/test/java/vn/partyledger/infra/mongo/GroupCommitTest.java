package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        ScriptedDisk disk = ScriptedDisk.holdingSyncs();
        GroupCommit groupCommit = new GroupCommit(disk);

        Future<String> answer = writers.submit(() -> groupCommit.durably(() -> "ok"));

        assertThat(disk.awaitSyncStarted()).isTrue();
        Thread.sleep(50);
        assertThat(answer).isNotDone();
        disk.release();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(groupCommit.counts()).isEqualTo(new SyncCounts(1, 1));
    }

    @Test
    void aReadIsAnsweredOnlyOnceEveryWriteItCouldHaveSeenIsOnDisk() throws Exception {
        ScriptedDisk disk = ScriptedDisk.holdingSyncs();
        AtomicBoolean applied = new AtomicBoolean();
        GroupCommit groupCommit = new GroupCommit(disk);

        Future<String> write = writers.submit(() -> groupCommit.durably(() -> {
            applied.set(true);
            return "written";
        }));
        assertThat(disk.awaitSyncStarted()).isTrue(); // applied, its sync held back
        Future<Boolean> read = writers.submit(() -> groupCommit.readDurably(applied::get));

        Thread.sleep(100);
        assertThat(read).as("a read that saw the write before it is on disk").isNotDone();
        disk.release();
        assertThat(read.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("written");
        assertThat(groupCommit.counts()).isEqualTo(new SyncCounts(1, 1));
    }

    @Test
    void aReadOverlappingAWriteStillBeingAppliedWaitsForItsSync() throws Exception {
        CountDownLatch halfApplied = new CountDownLatch(1);
        CountDownLatch finishApplying = new CountDownLatch(1);
        ScriptedDisk disk = ScriptedDisk.fast();
        GroupCommit groupCommit = new GroupCommit(disk);

        Future<String> write = writers.submit(() -> groupCommit.durably(() -> {
            halfApplied.countDown(); // the data map is written, a reader can see it...
            await(finishApplying); // ...the unique index is not yet
            return "written";
        }));
        assertThat(halfApplied.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> read = writers.submit(() -> groupCommit.readDurably(() -> "saw the data map"));

        Thread.sleep(100);
        assertThat(read).isNotDone();
        assertThat(disk.syncs()).isEqualTo(0);
        finishApplying.countDown();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("saw the data map");
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("written");
        assertThat(disk.syncs()).isEqualTo(1);
    }

    @Test
    void aReadWithNoWritePendingIsAnsweredWithoutASyncAndAReadAfterAFailedSyncIsRefused() {
        ScriptedDisk disk = ScriptedDisk.failingSync(2);
        GroupCommit groupCommit = new GroupCommit(disk);

        assertThat(groupCommit.readDurably(() -> "nothing written yet")).isEqualTo("nothing written yet");
        groupCommit.durably(() -> "first");
        assertThat(groupCommit.readDurably(() -> "first is on disk")).isEqualTo("first is on disk");
        assertThat(disk.syncs()).isEqualTo(1);

        assertThatThrownBy(() -> groupCommit.durably(() -> "second")).hasMessageContaining("Input/output error");
        assertThat(groupCommit.failure()).isPresent();
        assertThatThrownBy(() -> groupCommit.readDurably(() -> "may see the second"))
                .isInstanceOf(MongoServerException.class)
                .hasMessageContaining("could not write to disk");
    }

    @Test
    void afterAFailedSyncAReadOfTheCollectionItFailedForIsRefusedAndEveryWriteToo() {
        ScriptedDisk disk = ScriptedDisk.failingSync(1);
        GroupCommit groupCommit = new GroupCommit(disk);
        Optional<String> commits = Optional.of("partyledger.event_commits");

        assertThatThrownBy(() -> groupCommit.durably(commits, () -> "event commit"))
                .hasMessageContaining("Input/output error");

        assertThatThrownBy(() -> groupCommit.readDurably(commits, () -> "may see the commit"))
                .isInstanceOf(MongoServerException.class).hasMessageContaining("could not write to disk");
        assertThat(groupCommit.readDurably(Optional.of("partyledger.roster_entries"), () -> "roster"))
                .as("a read that cannot see the lost commit, as after any crash of the unjournaled writes")
                .isEqualTo("roster");
        assertThatThrownBy(() -> groupCommit.durably(Optional.of("partyledger.roster_entries"), () -> "more"))
                .isInstanceOf(MongoServerException.class);
        assertThatThrownBy(() -> groupCommit.applied(() -> "projection row")).isInstanceOf(MongoServerException.class);
    }

    @Test
    void aWriteNotAskingForTheJournalIsAnsweredAtOnceAndSyncedByTheFlusher() throws Exception {
        ScriptedDisk disk = ScriptedDisk.fast();
        GroupCommit groupCommit = new GroupCommit(disk, Duration.ofMillis(20));
        try {
            assertThat(groupCommit.applied(() -> "projection row")).isEqualTo("projection row");
            assertThat(disk.awaitSyncStarted()).as("the flusher synced the pending write").isTrue();
            // a read waits only for journaled writes: nothing to wait for, and no sync of its own
            int before = disk.syncs();
            assertThat(groupCommit.readDurably(() -> "read")).isEqualTo("read");
            assertThat(disk.syncs()).isEqualTo(before);
        } finally {
            groupCommit.closeExclusively(() -> { });
        }
    }

    /**
     * Closing while the flusher syncs must not interrupt it: an interrupt in the middle of a file channel's I/O closes
     * the channel, and the store's closing commit could then write nothing.
     */
    @Test
    void closingWaitsForTheFlushersSyncInsteadOfInterruptingIt() throws Exception {
        CountDownLatch syncing = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean syncFinishedBeforeClosing = new AtomicBoolean();
        AtomicBoolean synced = new AtomicBoolean();
        GroupCommit groupCommit = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
            }

            @Override
            public void sync() {
                syncing.countDown();
                try {
                    Thread.sleep(200);
                    synced.set(true);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                }
            }
        }, Duration.ofMillis(10));
        groupCommit.applied(() -> "projection row");
        assertThat(syncing.await(5, TimeUnit.SECONDS)).as("the flusher began its sync").isTrue();

        groupCommit.closeExclusively(() -> syncFinishedBeforeClosing.set(synced.get()));

        assertThat(interrupted).as("the flusher's sync was interrupted").isFalse();
        assertThat(syncFinishedBeforeClosing).as("the sync finished before the store closed").isTrue();
    }

    @Test
    void aReadWaitsForAJournaledWriteNamingNoCollectionButNotForOneThatDidNotAskForTheJournal() throws Exception {
        ScriptedDisk disk = ScriptedDisk.holdingSyncs();
        GroupCommit groupCommit = new GroupCommit(disk);
        groupCommit.applied(() -> "token update");
        assertThat(groupCommit.readDurably(() -> "sees the token update")).isEqualTo("sees the token update");

        Future<String> journaled = writers.submit(() -> groupCommit.durably(() -> "collection dropped"));
        assertThat(disk.awaitSyncStarted()).isTrue();
        Future<String> read = writers.submit(() -> groupCommit.readDurably(() -> "may miss the collection"));
        Future<String> readOfOne = reading(groupCommit, "roster_entries", "may miss the collection too");
        Thread.sleep(100);
        assertThat(read.isDone()).as("a read that may see the journaled write waits for its sync").isFalse();
        assertThat(readOfOne.isDone()).as("so does a read of any one collection").isFalse();
        disk.release();
        assertThat(journaled.get(5, TimeUnit.SECONDS)).isEqualTo("collection dropped");
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("may miss the collection");
        assertThat(readOfOne.get(5, TimeUnit.SECONDS)).isEqualTo("may miss the collection too");
    }

    @Test
    void aReadOfAnotherCollectionDoesNotWaitForAJournaledWritesSyncButReadsItCouldHaveSeenDo() throws Exception {
        ScriptedDisk disk = ScriptedDisk.holdingSyncs();
        GroupCommit groupCommit = new GroupCommit(disk);

        Future<String> journaled = writers.submit(() -> groupCommit.durably(Optional.of("partyledger.event_commits"),
                () -> "event commit"));
        assertThat(disk.awaitSyncStarted()).isTrue();
        Future<String> readModel = reading(groupCommit, "roster_entries", "roster");
        Future<String> sameCollection = reading(groupCommit, "event_commits", "sees the commit");
        Future<String> noOneCollection = writers.submit(() -> groupCommit.readDurably(() -> "may see the commit"));

        assertThat(readModel.get(5, TimeUnit.SECONDS)).as("answered while the commit's sync is held")
                .isEqualTo("roster");
        Thread.sleep(100);
        assertThat(List.of(sameCollection, noOneCollection)).as("reads of the written collection and of no one")
                .noneMatch(Future::isDone);
        disk.release();
        assertThat(journaled.get(5, TimeUnit.SECONDS)).isEqualTo("event commit");
        assertThat(List.of(sameCollection.get(5, TimeUnit.SECONDS), noOneCollection.get(5, TimeUnit.SECONDS)))
                .containsExactly("sees the commit", "may see the commit");
    }

    @Test
    void concurrentWritersShareSyncs() throws Exception {
        GroupCommit groupCommit = new GroupCommit(ScriptedDisk.takingMillisPerSync(2)); // about one disk flush

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
        GroupCommit groupCommit = new GroupCommit(ScriptedDisk.failingSync(1));

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

    /** A read of one collection of the database, answering {@code answer}, on a thread of its own. */
    private Future<String> reading(GroupCommit groupCommit, String collection, String answer) {
        return writers.submit(() -> groupCommit.readDurably(Optional.of("partyledger." + collection), () -> answer));
    }

    /** A disk for these tests: counts syncs; can hold them until released, take time, or fail the nth one. */
    private static final class ScriptedDisk implements GroupCommit.Store {

        private final AtomicInteger syncs = new AtomicInteger();
        private final CountDownLatch syncStarted = new CountDownLatch(1);
        private final CountDownLatch released;
        private final long millisPerSync;
        private final int failingSync;

        private ScriptedDisk(boolean holding, long millisPerSync, int failingSync) {
            this.released = new CountDownLatch(holding ? 1 : 0);
            this.millisPerSync = millisPerSync;
            this.failingSync = failingSync;
        }

        static ScriptedDisk fast() {
            return new ScriptedDisk(false, 0, 0);
        }

        static ScriptedDisk holdingSyncs() {
            return new ScriptedDisk(true, 0, 0);
        }

        static ScriptedDisk takingMillisPerSync(long millis) {
            return new ScriptedDisk(false, millis, 0);
        }

        static ScriptedDisk failingSync(int nth) {
            return new ScriptedDisk(false, 0, nth);
        }

        @Override
        public void commit() {
        }

        @Override
        public void sync() {
            if (syncs.incrementAndGet() == failingSync) {
                throw new IllegalStateException("Could not sync file: Input/output error");
            }
            syncStarted.countDown();
            await(released);
            if (millisPerSync > 0) {
                try {
                    Thread.sleep(millisPerSync);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean awaitSyncStarted() throws InterruptedException {
            return syncStarted.await(5, TimeUnit.SECONDS);
        }

        void release() {
            released.countDown();
        }

        int syncs() {
            return syncs.get();
        }
    }
}

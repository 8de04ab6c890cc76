package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of the store file takes its snapshot and returns while H2's own threads write the snapshot's pages; writes
 * go on meanwhile (ADR 0064). What a sync made durable must be exactly the snapshot: after the process stops without
 * writing anything more ({@code closeImmediately}, as a crash), the file holds every write applied before the commit
 * and none applied after it, and never a write half applied.
 */
class MvStoreFileTest {

    private static final Duration NO_COMPACTION = Duration.ofDays(1);

    @TempDir
    Path folder;

    private final ExecutorService writers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aSyncMakesDurableTheWritesAppliedBeforeItsCommitAndNoneAppliedAfter() {
        Path file = folder.resolve("store.mv");
        MvStoreFile store = MvStoreFile.open(file, 16, NO_COMPACTION);
        MVMap<Long, String> notes = store.store().openMap("notes");
        LongStream.range(0, 20_000).forEach(key -> notes.put(key, "before the commit " + key));

        store.commit();
        LongStream.range(20_000, 40_000).forEach(key -> notes.put(key, "after the commit " + key));
        notes.put(0L, "changed after the commit");
        store.sync();
        store.store().closeImmediately();

        MVStore reopened = MvStoreFile.open(file, 16, NO_COMPACTION).store();
        MVMap<Long, String> read = reopened.openMap("notes");
        assertThat(read.sizeAsLong()).isEqualTo(20_000);
        assertThat(read.get(0L)).isEqualTo("before the commit 0");
        assertThat(read.get(19_999L)).isEqualTo("before the commit 19999");
        assertThat(read.containsKey(20_000L)).isFalse();
        reopened.close();
    }

    @Test
    void writesAppliedWhileCommitsAreWrittenSurviveAStopAsAPrefixNeverHalfApplied() throws Exception {
        Path file = folder.resolve("store.mv");
        MvStoreFile store = MvStoreFile.open(file, 16, Duration.ofMillis(20));
        MVMap<Long, String> documents = store.store().openMap("documents");
        MVMap<String, Long> index = store.store().openMap("index");
        GroupCommit groupCommit = new GroupCommit(store, Duration.ofMillis(5));
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<Long> written = writers.submit(() -> {
            long next = 0;
            while (writing.get()) {
                long key = next++;
                // one write in two maps, as an insert puts a document and its index entry
                groupCommit.applied(() -> {
                    documents.put(key, "document " + key + " ".repeat((int) (key % 200)));
                    return index.put("key-" + key, key);
                });
            }
            return next;
        });
        Future<Long> journaled = writers.submit(() -> {
            long last = -1;
            for (int round = 0; writing.get(); round++) {
                long key = -1 - round;
                groupCommit.durably(() -> documents.put(key, "journaled " + key));
                last = key;
            }
            return last;
        });

        Thread.sleep(1_500);
        writing.set(false);
        long applied = written.get(10, TimeUnit.SECONDS);
        long lastJournaled = journaled.get(10, TimeUnit.SECONDS);
        // stopped as by a crash: the flusher's last sync ends, nothing more is committed
        groupCommit.closeExclusively(store.store()::closeImmediately);

        MVStore reopened = MvStoreFile.open(file, 16, NO_COMPACTION).store();
        MVMap<Long, String> survivingDocuments = reopened.openMap("documents");
        MVMap<String, Long> survivingIndex = reopened.openMap("index");
        List<Long> survived = survivingDocuments.keyList().stream().filter(key -> key >= 0).toList();
        assertThat(survived).as("a prefix of the writes applied").isEqualTo(
                LongStream.range(0, survived.size()).boxed().toList());
        assertThat(survived.size()).as("some of the %d writes applied were committed", applied).isPositive();
        assertThat(survivingIndex.sizeAsLong()).as("every surviving document with its index entry, and no more")
                .isEqualTo(survived.size());
        survived.forEach(key -> assertThat(survivingIndex.get("key-" + key)).isEqualTo(key));
        assertThat(lastJournaled).as("journaled writes acknowledged while the others were applied").isNegative();
        LongStream.rangeClosed(lastJournaled, -1).forEach(key -> assertThat(survivingDocuments.get(key))
                .as("every acknowledged journaled write").isEqualTo("journaled " + key));
        reopened.close();
    }
}

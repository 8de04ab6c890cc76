package vn.partyledger.infra.mongo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * An H2 MVStore file as a {@link GroupCommit.Store}, kept about the size of its live data although every write group
 * is its own commit.
 *
 * <p>Each commit writes a copy-on-write chunk with the pages it changed; older chunks die as their pages are replaced.
 * H2's defaults would keep every chunk for 45 s (the retention time, meant for stores that do not sync each commit)
 * and compact only from its background thread, which is off here: at hundreds of commits a second the file grew to
 * hundreds of megabytes. So:
 * <ul>
 *   <li><b>Retention time 0, {@value #VERSIONS_TO_KEEP} versions kept.</b> A dead chunk may be overwritten once it has
 *   been unused for {@value #VERSIONS_TO_KEEP} commits. Every commit is synced before the next one starts, and H2
 *   rewrites its file header at least every 21 versions and whenever a chunk after the header's was freed, so a freed
 *   chunk is never one that recovery needs to reach the last synced commit, even if the process dies in the middle of
 *   the commit that overwrites it.</li>
 *   <li><b>Reads pin their version</b> ({@link #reading}): a read traversing an older root (reads are not blocked by
 *   commits) keeps the chunks of that version from being overwritten under it, which is what the retention time used
 *   to protect.</li>
 *   <li><b>The group-commit leader compacts</b>: before a commit, at most every {@code compactionInterval}, the live
 *   pages of the emptiest chunks (chunks of at most {@value #REWRITE_BYTES} bytes in all) are marked for rewriting, so the commit moves
 *   them into its new chunk and the old chunks die and are reused. Compaction only adds pages to an ordinary commit:
 *   a crash in the middle of it is a crash in the middle of a commit, which recovery rolls back to the last synced
 *   one.</li>
 *   <li><b>A commit's pages are written on H2's own threads</b> ({@link #commit()}): the commit takes its snapshot of
 *   every map (a new version of each root, the old pages unchanged, as writers copy what they change) and returns;
 *   H2's serialization thread writes the pages of that version and its save thread the chunk, while writers go on;
 *   {@link #sync()} waits for both before it forces the file. Those threads exist only while H2's background writer
 *   runs, so it is started with a delay past any uptime: it never commits on its own, and its housekeeping moves and
 *   rewrites nothing while no memory is set for unsaved changes (ADR 0064).</li>
 * </ul>
 */
final class MvStoreFile implements GroupCommit.Store {

    private static final int VERSIONS_TO_KEEP = 32;
    /** Compact when less than this percentage of the pages in the file's chunks is live (H2's own default is 90). */
    private static final int TARGET_FILL_RATE = 80;
    private static final int REWRITE_BYTES = 4 * 1024 * 1024;
    /**
     * The background writer's delay: a commit of its own would come only after this long without one of ours, and the
     * flusher commits every applied write within its interval.
     */
    private static final int BACKGROUND_COMMIT_NEVER = Integer.MAX_VALUE;

    private final MVStore store;
    private final long compactionIntervalNanos;
    /** Written by the leader only, under the exclusive lock. */
    private long lastCompaction = System.nanoTime();
    private volatile long compactions;

    private MvStoreFile(MVStore store, Duration compactionInterval) {
        this.store = store;
        this.compactionIntervalNanos = compactionInterval.toNanos();
    }

    static MvStoreFile open(Path file, int cacheMb, Duration compactionInterval) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb)
                .autoCommitDisabled() // no background commit, which could catch a write half applied
                .autoCommitBufferSize(0) // nor a commit forced by unsaved memory, in the middle of a write
                .open();
        store.setRetentionTime(0);
        store.setVersionsToKeep(VERSIONS_TO_KEEP);
        store.setAutoCommitDelay(BACKGROUND_COMMIT_NEVER); // starts the threads that write a commit's pages
        return new MvStoreFile(store, compactionInterval);
    }

    MVStore store() {
        return store;
    }

    /** Compactions that rewrote pages so far. */
    long compactions() {
        return compactions;
    }

    /**
     * Takes a new version of every map's root (with, now and then, the pages compaction moves) and hands its pages to
     * H2's serialization thread, which writes them as a new chunk. Should H2 not have taken the commit (its store
     * lock busy), it commits here and now.
     */
    @Override
    public void commit() {
        long now = System.nanoTime();
        if (now - lastCompaction >= compactionIntervalNanos) {
            lastCompaction = now;
            if (store.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                compactions++; // single writer: the leader
            }
        }
        if (store.tryCommit() < 0 && store.hasUnsavedChanges()) {
            store.commit();
        }
    }

    /**
     * Once the last commit's chunk is written, {@code FileChannel.force(true)} on the store file (SingleFileStore.sync
     * in H2 2.3). A failure to write the chunk closed the store: this then fails.
     */
    @Override
    public void sync() {
        store.executeFilestoreOperation(store::sync);
    }

    @Override
    public <T> T reading(Supplier<T> read) {
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }
}

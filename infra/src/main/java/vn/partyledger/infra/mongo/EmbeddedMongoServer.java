package vn.partyledger.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server (mongo-java-server) used when no {@code partyledger.mongodb.uri} is set.
 *
 * <p>Listens on 127.0.0.1 only. With a store file the data live in one H2 MVStore file, documents and index keys in
 * explicit encodings ({@link StoreFormat}; a file of the earlier format is migrated at start), and a write is
 * answered only once it is committed and synced to disk ({@link DurableBackend}, {@link GroupCommit}): what was
 * acknowledged survives {@code kill -9} and the loss of the OS page cache; a read of stored data is answered once
 * every write it could have seen is on disk. MVStore's own background and memory-triggered commits are off, as they
 * could store a write half applied; the file is compacted by the group-commit leader instead ({@link MvStoreFile}).
 * {@link #close()} stops the listener, then closes (and so commits) the store.
 * The MVStore file is locked while open: a second process on the same data dir fails at start instead of corrupting
 * it.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String HOST = "127.0.0.1";
    /** How long a write that did not ask for the journal may wait for its sync, as MongoDB's journal commit interval. */
    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /**
     * Netty runs each connection's commands on one of these threads, and a write holds its thread until its sync
     * completes: with Netty's default (2 per core) a few writers would queue behind one another instead of sharing a
     * sync. The driver opens up to 100 connections; idle event loops cost next to nothing.
     */
    private static final int WORKER_THREADS = 32;
    /**
     * How often the group-commit leader looks for chunks worth compacting (rewriting at most 4 MiB each time). A trade
     * of speed against file size, measured with ReplayBenchmark (10,000 events, one writer, roster replay): every
     * 100 ms gave 64 MB but a replay of ~700 events/s; never, 573 MB and ~1,790 events/s; every second, 118 MB and
     * ~1,760 events/s. It does not keep the file at the size of its live data under sustained load (docs/adr/0003).
     */
    private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(1);

    private final MongoServer server;
    private final Path storeFile;
    private final InetSocketAddress address;
    private final GroupCommit groupCommit;
    private final MvStoreFile mvStoreFile;
    private boolean closed;

    private EmbeddedMongoServer(MongoBackend backend, Path storeFile, GroupCommit groupCommit, MvStoreFile mvStoreFile,
                                int port) {
        this.server = new MongoServer(backend);
        this.storeFile = storeFile;
        this.groupCommit = groupCommit;
        this.mvStoreFile = mvStoreFile;
        try {
            server.bind(new InetSocketAddress(HOST, port), 0, WORKER_THREADS);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        this.address = server.getLocalAddress();
    }

    /**
     * Starts a server whose data persist in the H2 MVStore file {@code storeFile} (created with its folder if absent),
     * with a page cache of {@code cacheMb} megabytes.
     */
    public static EmbeddedMongoServer startWithStore(Path storeFile, int port, int cacheMb) {
        return startWithStore(storeFile, port, cacheMb, COMPACTION_INTERVAL);
    }

    /** As {@link #startWithStore(Path, int, int)}, compacting at most every {@code compactionInterval} (tests). */
    static EmbeddedMongoServer startWithStore(Path storeFile, int port, int cacheMb, Duration compactionInterval) {
        Path file = storeFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        long started = System.nanoTime();
        MvStoreFile mvStoreFile = MvStoreFile.open(file, cacheMb, compactionInterval);
        try {
            StoreFormat.prepare(mvStoreFile);
        } catch (RuntimeException e) {
            mvStoreFile.store().closeImmediately(); // writes nothing more: the file stays as the last commit left it
            throw e;
        }
        GroupCommit groupCommit = new GroupCommit(mvStoreFile, FLUSH_INTERVAL);
        EmbeddedMongoServer server = new EmbeddedMongoServer(
                new DurableBackend(new BsonH2Backend(mvStoreFile.store()), groupCommit), file, groupCommit,
                mvStoreFile, port);
        log.info("Embedded MongoDB-wire server on {} with store {} started in {} ms",
                server.connectionString(), file, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** Starts a server on {@code backend} made durable through {@code store} (tests: a disk that fails). */
    static EmbeddedMongoServer startDurable(MongoBackend backend, GroupCommit.Store store, int port) {
        GroupCommit groupCommit = new GroupCommit(store);
        return new EmbeddedMongoServer(new DurableBackend(backend, groupCommit), null, groupCommit, null, port);
    }

    /** Starts a server that keeps everything in memory (tests): nothing to sync, so no group commit. */
    public static EmbeddedMongoServer startInMemory(int port) {
        EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), null, null, null, port);
        log.info("Embedded MongoDB-wire server on {} (in memory) started", server.connectionString());
        return server;
    }

    /** {@code mongodb://127.0.0.1:<port>} */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** The MVStore file, or {@code null} for the memory backend. */
    public Path storeFile() {
        return storeFile;
    }

    /** Writes made durable so far and the syncs that did it; both zero for the memory backend, which never syncs. */
    public SyncCounts durability() {
        return groupCommit == null ? new SyncCounts(0, 0) : groupCommit.counts();
    }

    /** Compactions of the store file that rewrote pages so far; zero without a store file. */
    public long compactions() {
        return mvStoreFile == null ? 0 : mvStoreFile.compactions();
    }

    /**
     * Why the store refuses writes, if it does: a commit or sync failed, and only a restart, which reads back what is
     * really on disk, recovers ({@link GroupCommit}).
     */
    public Optional<Throwable> storeFailure() {
        return groupCommit == null ? Optional.empty() : groupCommit.failure();
    }

    /** Closes open client connections, stops listening, then closes (and so commits) the backend store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        log.info("Embedded MongoDB-wire server on 127.0.0.1:{} stopped{}", address.getPort(),
                storeFile == null ? "" : ", store " + storeFile + " closed");
    }
}

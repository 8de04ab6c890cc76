package vn.partyledger.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server (mongo-java-server) used when no {@code partyledger.mongodb.uri} is set.
 *
 * <p>Listens on 127.0.0.1 only. With a store file the data live in one H2 MVStore file, and a write is answered only
 * once it is committed and synced to disk ({@link DurableBackend}, {@link GroupCommit}): what was acknowledged survives
 * {@code kill -9} and the loss of the OS page cache. MVStore's own background and memory-triggered commits are off, as
 * they could store a write half applied. {@link #close()} stops the listener, then closes (and so commits) the store.
 * The MVStore file is locked while open: a second process on the same data dir fails at start instead of corrupting
 * it.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String HOST = "127.0.0.1";
    /**
     * Netty runs each connection's commands on one of these threads, and a write holds its thread until its sync
     * completes: with Netty's default (2 per core) a few writers would queue behind one another instead of sharing a
     * sync. The driver opens up to 100 connections; idle event loops cost next to nothing.
     */
    private static final int WORKER_THREADS = 32;

    private final MongoServer server;
    private final Path storeFile;
    private final InetSocketAddress address;
    private final GroupCommit groupCommit;
    private boolean closed;

    private EmbeddedMongoServer(MongoBackend backend, Path storeFile, GroupCommit groupCommit, int port) {
        this.server = new MongoServer(backend);
        this.storeFile = storeFile;
        this.groupCommit = groupCommit;
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
        Path file = storeFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        long started = System.nanoTime();
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb)
                .autoCommitDisabled() // no background commit, which could catch a write half applied
                .autoCommitBufferSize(0) // nor a commit forced by unsaved memory, in the middle of a write
                .open();
        GroupCommit groupCommit = new GroupCommit(new MvStoreFile(store));
        EmbeddedMongoServer server = new EmbeddedMongoServer(new DurableBackend(new H2Backend(store), groupCommit),
                file, groupCommit, port);
        log.info("Embedded MongoDB-wire server on {} with store {} started in {} ms",
                server.connectionString(), file, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** Starts a server that keeps everything in memory (tests): nothing to sync, so no group commit. */
    public static EmbeddedMongoServer startInMemory(int port) {
        EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), null, null, port);
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

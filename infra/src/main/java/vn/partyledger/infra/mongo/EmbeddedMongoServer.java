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
 * <p>Listens on 127.0.0.1 only. With a store file the data live in one H2 MVStore file; {@link #close()} stops the
 * listener, then closes the store, which commits it — so a clean stop loses nothing. MVStore also commits in the
 * background about once a second, which bounds what a crash (kill -9) can lose. The MVStore file is locked while
 * open: a second process on the same data dir fails at start instead of corrupting it.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final Path storeFile;
    private final InetSocketAddress address;
    private boolean closed;

    private EmbeddedMongoServer(MongoBackend backend, Path storeFile, int port) {
        this.server = new MongoServer(backend);
        this.storeFile = storeFile;
        try {
            server.bind(HOST, port);
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
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
        EmbeddedMongoServer server = new EmbeddedMongoServer(new H2Backend(store), file, port);
        log.info("Embedded MongoDB-wire server on {} with store {} started in {} ms",
                server.connectionString(), file, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** Starts a server that keeps everything in memory (tests). */
    public static EmbeddedMongoServer startInMemory(int port) {
        EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), null, port);
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

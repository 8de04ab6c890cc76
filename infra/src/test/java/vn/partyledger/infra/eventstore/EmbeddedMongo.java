package vn.partyledger.infra.eventstore;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * mongo-java-server on a random local port, reached through the real MongoDB driver over a socket: every client
 * made here is an independent connection pool, as a separate application node would have.
 */
final class EmbeddedMongo implements AutoCloseable {

    static final String DATABASE = "party_ledger_test";

    static {
        // Without a logback configuration every driver and server message would be printed at DEBUG.
        for (String noisy : List.of("org.mongodb.driver", "de.bwaldvogel", "io.netty", "org.axonframework")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    private final MongoServer server;
    private final String connectionString;
    private final List<MongoClient> clients = new ArrayList<>();

    private EmbeddedMongo(MongoBackend backend) {
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend());
    }

    static EmbeddedMongo h2File(Path file) {
        return new EmbeddedMongo(new H2Backend(file.toString()));
    }

    /** For tests that manage their own clients (and databases) on this server. */
    String connectionString() {
        return connectionString;
    }

    /** A database through a new, independent client. */
    synchronized MongoDatabase newNodeDatabase() {
        MongoClient client = MongoClients.create(connectionString);
        clients.add(client);
        return client.getDatabase(DATABASE);
    }

    @Override
    public synchronized void close() {
        clients.forEach(MongoClient::close);
        clients.clear();
        server.shutdownNow();
    }
}

package vn.partyledger.infra.checkpoint;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.LoggerFactory;
import vn.partyledger.infra.eventstore.HashedEvent;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A log on mongo-java-server reached through the real driver, with the recorder's stores on the same database: what
 * the application wires, without Spring and Kafka (publication is a list).
 */
final class LogFixture implements AutoCloseable {

    static {
        for (String noisy : List.of("org.mongodb.driver", "de.bwaldvogel", "io.netty", "org.axonframework")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    final MongoDatabase database;
    final MongoEventStorageEngine engine;
    final List<Checkpoint> published = new ArrayList<>();
    private int streams;

    LogFixture() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("checkpoint_test");
        engine = MongoEventStorageEngine.builder().database(database).build();
    }

    /** One commit of {@code events} events: the first of a new aggregate stream, the rest outside any aggregate. */
    void append(int events) {
        List<EventMessage<?>> commit = new ArrayList<>();
        commit.add(new GenericDomainEventMessage<>("Sample", "stream-" + ++streams, 0, Map.of("n", streams)));
        for (int i = 1; i < events; i++) {
            commit.add(GenericEventMessage.asEventMessage("note " + streams + "/" + i));
        }
        engine.appendEvents(commit);
    }

    /** One commit of {@code count} events of one aggregate, from sequence number {@code from}. */
    void appendTo(String aggregate, long from, int count) {
        List<EventMessage<?>> commit = new ArrayList<>();
        for (long seq = from; seq < from + count; seq++) {
            commit.add(new GenericDomainEventMessage<>("Sample", aggregate, seq, Map.of("seq", seq),
                                                       Map.of("actor", "secretary-01")));
        }
        engine.appendEvents(commit);
    }

    LogAuditor auditor(CheckpointSigner signer) {
        return new LogAuditor(engine, new LogTree(database), new CheckpointStore(database), signer);
    }

    /** A recorder on this log, as a freshly started node builds it, at {@code now}. */
    CheckpointRecorder recorder(long everyEvents, Duration every, Instant now,
                                CheckpointRecorder.Publication publication) {
        return recorder(everyEvents, every, now, publication, CheckpointSigner.none());
    }

    CheckpointRecorder recorder(long everyEvents, Duration every, Instant now,
                                CheckpointRecorder.Publication publication, CheckpointSigner signer) {
        CheckpointProperties settings = new CheckpointProperties(true, everyEvents, every, Duration.ofSeconds(1), 3,
                                                                 "checkpoints", (short) 1, null, null);
        return new CheckpointRecorder(engine, new LogTree(database), new CheckpointStore(database),
                                      signer, publication, Clock.fixed(now, ZoneOffset.UTC), settings);
    }

    CheckpointRecorder recorder(long everyEvents, Duration every, Instant now) {
        return recorder(everyEvents, every, now, published::add);
    }

    LogProofs proofs() {
        return new LogProofs(new LogTree(database), new CheckpointStore(database), CheckpointSigner.none());
    }

    /** Every event of the log, in log order, with its stored hash. */
    List<HashedEvent> events() {
        return engine.readAfter(0, 1_000_000).events();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}

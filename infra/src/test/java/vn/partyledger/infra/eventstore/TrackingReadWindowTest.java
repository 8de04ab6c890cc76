package vn.partyledger.infra.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * A tracking read takes about a batch of events at a time, and a batch is counted in events while the log is stored in
 * commits: an import stores hundreds of events in one commit, a command one or two. Whatever the commits hold, each is
 * read from the store about once, not re-read or read and thrown away with every batch.
 */
class TrackingReadWindowTest {

    private static final int BATCH_SIZE = 10;
    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.connectionString());

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.close();
    }

    /** Counts the commit positions asked of the store. */
    private static final class CountingStore extends ForwardingLogStore {
        final AtomicLong positionsAsked = new AtomicLong();

        CountingStore(LogStore delegate) {
            super(delegate);
        }

        @Override
        public Map<Long, Document> findCommits(Collection<Long> positions) {
            positionsAsked.addAndGet(positions.size());
            return super.findCommits(positions);
        }
    }

    @Test
    void aReadOfLargeCommitsAsksForEachCommitAboutOnce() {
        assertCommitsReadAboutOnce("large", 20, 25);
    }

    @Test
    void aReadOfOneEventCommitsAsksForEachCommitAboutOnce() {
        assertCommitsReadAboutOnce("single", 200, 1);
    }

    @Test
    void aReadOfMixedCommitsDeliversEveryEventOnceInOrder() {
        MongoDatabase database = CLIENT.getDatabase("window_mixed");
        MongoEventStorageEngine engine = engine(database, new CountingStore(new MongoLogStore(database)));
        List<String> appended = new ArrayList<>();
        for (int commit = 0; commit < 60; commit++) {
            int size = commit % 3 == 0 ? 37 : 1;
            List<EventMessage<?>> events = commitOf("M-" + commit, size);
            events.forEach(event -> appended.add(event.getIdentifier()));
            engine.appendEvents(events);
        }
        assertThat(readAll(engine)).containsExactlyElementsOf(appended);
    }

    private static void assertCommitsReadAboutOnce(String name, int commits, int eventsPerCommit) {
        MongoDatabase database = CLIENT.getDatabase("window_" + name);
        CountingStore store = new CountingStore(new MongoLogStore(database));
        MongoEventStorageEngine engine = engine(database, store);
        for (int commit = 0; commit < commits; commit++) {
            engine.appendEvents(commitOf(name + "-" + commit, eventsPerCommit));
        }
        store.positionsAsked.set(0);
        assertThat(readAll(engine)).hasSize(commits * eventsPerCommit);
        assertThat(store.positionsAsked.get()).as("commit positions asked of the store for %d commits", commits)
                                              .isLessThanOrEqualTo(2L * commits + BATCH_SIZE);
    }

    private static MongoEventStorageEngine engine(MongoDatabase database, LogStore store) {
        return MongoEventStorageEngine.builder().database(database).logStore(store).batchSize(BATCH_SIZE).build();
    }

    private static List<EventMessage<?>> commitOf(String aggregateId, int events) {
        return LongStream.range(0, events).<EventMessage<?>>mapToObj(sequence -> event(aggregateId, sequence))
                         .toList();
    }

    private static List<String> readAll(MongoEventStorageEngine engine) {
        return engine.readEvents(engine.createTailToken(), false).map(TrackedEventMessage::getIdentifier).toList();
    }
}

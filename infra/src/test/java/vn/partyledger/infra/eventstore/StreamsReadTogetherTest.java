package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Many streams read together (ADR 0056): each as a load reads it alone, the short ones in two reads of the store
 * however many there are, the longer ones read on.
 */
class StreamsReadTogetherTest {

    /** Streams of these lengths: none, one, just under, at and past the first read, and several batches. */
    private static final List<Integer> LENGTHS = List.of(0, 1, 7, 8, 9, 20, 250);

    private EmbeddedMongo mongo;
    private MongoEventStorageEngine engine;
    private final AtomicInteger entryReads = new AtomicInteger();
    private final AtomicInteger commitReads = new AtomicInteger();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        LogStore counted = new ForwardingLogStore(new MongoLogStore(mongo.newNodeDatabase())) {
            @Override
            public Map<String, Document> findEntries(Collection<String> keys) {
                entryReads.incrementAndGet();
                return super.findEntries(keys);
            }

            @Override
            public Map<Long, Document> findCommits(Collection<Long> positions) {
                commitReads.incrementAndGet();
                return super.findCommits(positions);
            }
        };
        engine = MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).logStore(counted).build();
        for (int length : LENGTHS) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            if (length > 0) {
                events.add(SampleEvents.opened("acc-" + length));
            }
            for (int sequence = 1; sequence < length; sequence++) {
                events.add(SampleEvents.deposited("acc-" + length, sequence, sequence));
            }
            engine.appendEvents(events);
        }
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void eachStreamReadTogetherIsTheStreamALoadReadsAlone() {
        List<String> accounts = LENGTHS.stream().map(length -> "acc-" + length).toList();

        Map<String, List<DomainEventMessage<?>>> together = engine.readStreams(accounts);

        for (String account : accounts) {
            List<DomainEventMessage<?>> alone = engine.readEvents(account).asStream()
                    .<DomainEventMessage<?>>map(event -> event).toList();
            assertThat(together.getOrDefault(account, List.of())).as(account)
                    .extracting(DomainEventMessage::getIdentifier, DomainEventMessage::getSequenceNumber,
                            DomainEventMessage::getPayload)
                    .containsExactlyElementsOf(alone.stream().map(event -> tuple(
                            event.getIdentifier(), event.getSequenceNumber(), event.getPayload())).toList());
        }
        assertThat(together.get("acc-250")).hasSize(250);
    }

    @Test
    void streamsOfFewerThanEightEventsAreReadInTwoReadsOfTheStoreHoweverManyTheyAre() {
        engine.readStreams(List.of("acc-0", "acc-1", "acc-7"));
        int entriesForTheShort = entryReads.getAndSet(0);
        int commitsForTheShort = commitReads.getAndSet(0);

        engine.readStreams(List.of("acc-8", "acc-9", "acc-20"));

        assertThat(entriesForTheShort).as("stream entries read").isEqualTo(1);
        assertThat(commitsForTheShort).as("commits read").isEqualTo(1);
        // the first eight of each, then the rest of all three in one more batch
        assertThat(entryReads).as("stream entries read for three longer streams").hasValue(2);
    }
}

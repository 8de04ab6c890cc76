package vn.partyledger.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.SampleEvents.eventAt;

/**
 * {@code createTokenAt(t)} when the nodes that wrote the log disagree about the time (issue 7, point 5): a processor
 * started from the token receives every event stamped at or after {@code t}, wherever in the log it was stored, and
 * at most some events stamped earlier. Events take their timestamp from the message, which Axon stamps with the
 * writing node's clock; here each writer's events are stamped explicitly with that writer's (skewed) clock.
 */
class TokenAtTimeContractTest {

    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoEventStorageEngine reader;

    @BeforeEach
    void startServer() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.newNodeDatabase();
        reader = node(new MutableClock(NOON)).build();
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    private MongoEventStorageEngine.Builder node(MutableClock clock) {
        return MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).clock(clock).batchSize(8);
    }

    /** One writing node: its own engine and connection, its events stamped by its own clock. */
    private final class Writer {
        private final MutableClock clock;
        private final MongoEventStorageEngine engine;
        private final String name;
        private int sequence;

        Writer(String name, Duration skew) {
            this.name = name;
            this.clock = new MutableClock(NOON.plus(skew));
            this.engine = node(clock).build();
        }

        DomainEventMessage<?> append() {
            DomainEventMessage<?> event = eventAt(name, sequence++, clock.instant());
            engine.appendEvents(event);
            return event;
        }
    }

    @Test
    void aWriterWhoseClockIsBehindStillHasItsLaterEventsDelivered() {
        Writer fast = new Writer("fast", Duration.ofMinutes(10));
        Writer slow = new Writer("slow", Duration.ZERO);
        List<DomainEventMessage<?>> log = new ArrayList<>();
        log.add(slow.append());                 // 12:00 (slow's clock)
        fast.clock.advance(Duration.ofMinutes(1));
        log.add(fast.append());                 // 12:11 (fast's clock), stored before ...
        slow.clock.advance(Duration.ofMinutes(2));
        log.add(slow.append());                 // 12:02, stored after an event stamped later
        slow.clock.advance(Duration.ofMinutes(3));
        log.add(slow.append());                 // 12:05
        fast.clock.advance(Duration.ofMinutes(1));
        log.add(fast.append());                 // 12:12

        // 12:02 and 12:05 follow 12:11 in the log: a token after 12:11 would lose them
        assertThat(ids(read(NOON.plus(Duration.ofMinutes(2))))).containsExactlyElementsOf(ids(log.subList(1, 5)));
        assertThat(ids(read(NOON.plus(Duration.ofMinutes(5))))).containsExactlyElementsOf(ids(log.subList(1, 5)));
        assertThat(ids(read(NOON.plus(Duration.ofMinutes(11))))).containsExactlyElementsOf(ids(log.subList(1, 5)));
        assertThat(ids(read(NOON.plus(Duration.ofMinutes(12))))).containsExactlyElementsOf(ids(log.subList(4, 5)));
        assertThat(read(NOON.plus(Duration.ofMinutes(13)))).isEmpty();
        assertThat(ids(read(NOON))).containsExactlyElementsOf(ids(log));
    }

    /**
     * Many appends of two nodes 90 s apart, interleaved at random: for every instant, the events delivered are a
     * suffix of the log that holds every event stamped at or after it; the earlier ones delivered are only those
     * stored after some event stamped at or after it. Without skew the token is exact.
     */
    @Test
    void underClockSkewEveryLaterEventIsDeliveredAndOnlyASuffixOfTheLog() {
        Writer ahead = new Writer("ahead", Duration.ofSeconds(90));
        Writer behind = new Writer("behind", Duration.ZERO);
        Random random = new Random(20250601);
        List<DomainEventMessage<?>> log = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Duration step = Duration.ofSeconds(1 + random.nextInt(5));
            ahead.clock.advance(step);
            behind.clock.advance(step);
            log.add((random.nextBoolean() ? ahead : behind).append());
        }
        Instant first = log.stream().map(EventMessage::getTimestamp).min(Instant::compareTo).orElseThrow();
        Instant last = log.stream().map(EventMessage::getTimestamp).max(Instant::compareTo).orElseThrow();

        int extraEarlierEvents = 0;
        for (Instant t = first.minusSeconds(3); !t.isAfter(last.plusSeconds(3)); t = t.plusSeconds(3)) {
            List<String> delivered = ids(read(t));
            List<String> expectedSuffix = ids(log.subList(log.size() - delivered.size(), log.size()));
            assertThat(delivered).as("a suffix of the log from %s", t).isEqualTo(expectedSuffix);
            Instant at = t;
            List<String> due = log.stream().filter(e -> !e.getTimestamp().isBefore(at))
                                  .map(EventMessage::getIdentifier).toList();
            assertThat(delivered).as("every event stamped at or after %s", t).containsAll(due);
            // an earlier event is delivered only because it follows, in the log, one stamped at or after t
            int firstDue = due.isEmpty() ? log.size() : ids(log).indexOf(due.get(0));
            assertThat(log.size() - delivered.size()).as("starts at the first event due at %s", t)
                                                      .isEqualTo(firstDue);
            extraEarlierEvents += delivered.size() - due.size();
        }
        assertThat(extraEarlierEvents).as("skew makes some earlier events come along").isPositive();
    }

    @Test
    void withoutSkewTheTokenIsExact() {
        Writer one = new Writer("one", Duration.ZERO);
        Writer two = new Writer("two", Duration.ZERO);
        List<DomainEventMessage<?>> log = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            one.clock.advance(Duration.ofSeconds(1));
            two.clock.advance(Duration.ofSeconds(1));
            log.add((i % 3 == 0 ? one : two).append());
        }
        for (int i = 0; i < log.size(); i++) {
            assertThat(ids(read(log.get(i).getTimestamp()))).containsExactlyElementsOf(ids(log.subList(i, 20)));
        }
    }

    /**
     * A writer still inside its append when the token is made: its position is below a stored commit whose events
     * are all earlier than {@code t}, and its own event is later than {@code t}. The token must not be past its
     * position, or the event would be lost to a processor starting there.
     */
    @Test
    void anAppendStillInFlightWhenTheTokenIsMadeIsDeliveredWhenItLands() throws Exception {
        Writer behind = new Writer("behind", Duration.ZERO);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine stalling = node(new MutableClock(NOON)).logStore(
                new MongoEventStorageEngineContractTest.HookedLogStore(mongo.newNodeDatabase()) {
                    @Override
                    void beforeCommit(Document commit) {
                        inFlight.countDown();
                        MongoEventStorageEngineContractTest.await(release);
                    }
                }).build();

        DomainEventMessage<?> early = behind.append();                               // 12:00, position 1
        DomainEventMessage<?> late = eventAt("ahead", 0, NOON.plusSeconds(300));     // 12:05, position 2
        CompletableFuture<Void> lateAppend = CompletableFuture.runAsync(() -> stalling.appendEvents(late));
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
        behind.clock.advance(Duration.ofSeconds(60));
        DomainEventMessage<?> after = behind.append();                               // 12:01, position 3

        var token = reader.createTokenAt(NOON.plusSeconds(120));
        release.countDown();
        lateAppend.get(10, TimeUnit.SECONDS);

        List<String> delivered = ids(reader.readEvents(token, false).toList());
        assertThat(delivered).contains(late.getIdentifier()).doesNotContain(early.getIdentifier());
        assertThat(delivered).containsExactly(late.getIdentifier(), after.getIdentifier());
    }

    private List<TrackedEventMessage<?>> read(Instant at) {
        return new ArrayList<>(reader.readEvents(reader.createTokenAt(at), false).toList());
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }
}

package vn.partyledger.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.infra.eventstore.MongoEventStorageEngine.EVENTS_COLLECTION;
import static vn.partyledger.infra.eventstore.MongoEventStorageEngine.HEADS_COLLECTION;
import static vn.partyledger.infra.eventstore.MongoEventStorageEngine.SNAPSHOTS_COLLECTION;
import static vn.partyledger.infra.eventstore.SampleEvents.event;
import static vn.partyledger.infra.eventstore.SampleEvents.eventAt;

/**
 * The storage engine's contract on mongo-java-server's memory backend, through the real driver over a socket.
 * The batch size is small so that every read crosses batch boundaries.
 */
class MongoEventStorageEngineContractTest {

    private static final int BATCH_SIZE = 4;
    private static final int GAP_TIMEOUT_MS = 5_000;

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MutableClock clock;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void startServer() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.newNodeDatabase();
        clock = new MutableClock(Instant.now());
        engine = engine(MongoEventStorageEngine.AppendHook.NONE);
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    private MongoEventStorageEngine engine(MongoEventStorageEngine.AppendHook hook) {
        return MongoEventStorageEngine.builder()
                                      .database(database)
                                      .batchSize(BATCH_SIZE)
                                      .gapTimeout(GAP_TIMEOUT_MS)
                                      .clock(clock)
                                      .beforeInsertHook(hook)
                                      .build();
    }

    private static List<TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).collect(Collectors.toList());
    }

    private static GapAwareTrackingToken tokenOf(TrackedEventMessage<?> event) {
        return (GapAwareTrackingToken) event.trackingToken();
    }

    // ------------------------------------------------------------------------------------------------ 1. ordering

    @Test
    void eventsComeBackInAppendOrderOnTheGlobalStream() {
        List<EventMessage<?>> appended = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            for (String account : List.of("acc-c", "acc-a", "acc-b")) {
                DomainEventMessage<?> e = event(account, seq);
                engine.appendEvents(e);
                appended.add(e);
            }
        }
        List<EventMessage<?>> batch = List.of(event("acc-z", 0), event("acc-a", 5), event("acc-z", 1));
        engine.appendEvents(batch);
        appended.addAll(batch);

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(ids(read)).containsExactlyElementsOf(ids(appended));
        List<Long> positions = read.stream().map(e -> tokenOf(e).getIndex()).collect(Collectors.toList());
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(read).allSatisfy(e -> assertThat(tokenOf(e).hasGaps()).isFalse());
    }

    @Test
    void eventsComeBackInSequenceOrderOnAnAggregateStream() {
        List<String> expected = new ArrayList<>();
        for (int seq = 0; seq < 11; seq++) {
            DomainEventMessage<?> mine = event("acc-1", seq);
            engine.appendEvents(mine, event("other-" + seq, 0));
            expected.add(mine.getIdentifier());
        }

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("acc-1").asStream().toList();

        assertThat(ids(stream)).containsExactlyElementsOf(expected);
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber)
                          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(engine.readEvents("acc-1", 7).asStream())
                .extracting(DomainEventMessage::getSequenceNumber).containsExactly(7L, 8L, 9L, 10L);
        assertThat(engine.lastSequenceNumberFor("acc-1")).contains(10L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void payloadAndMetadataAreStoredAsReadableDocumentsAndComeBackIntact() {
        DomainEventMessage<?> deposit = SampleEvents.deposited("acc-1", 1, 250);
        engine.appendEvents(event("acc-1", 0), deposit);

        Document stored = database.getCollection(EVENTS_COLLECTION).find(eq("_id", deposit.getIdentifier())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.get("payload")).isInstanceOf(Document.class);
        assertThat(stored.get("payload", Document.class).get("amount")).isEqualTo(250);
        assertThat(stored.get("metaData", Document.class).get("actor", Document.class).getString("role"))
                .isEqualTo("BRANCH_SECRETARY");
        assertThat(stored.get("timestamp")).isInstanceOf(Date.class);
        assertThat(stored.getString("streamKey")).isEqualTo("acc-1/1");
        assertThat(stored.get("globalIndex")).isEqualTo(2L);

        DomainEventMessage<?> read = engine.readEvents("acc-1", 1).next();
        assertThat(read.getPayload()).isEqualTo(deposit.getPayload());
        assertThat(read.getMetaData()).isEqualTo(deposit.getMetaData());
        assertThat(read.getTimestamp()).isEqualTo(deposit.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void anEventPublishedOutsideAnAggregateIsStoredAndTrackedAsAPlainEvent() {
        EventMessage<?> plain = GenericEventMessage.asEventMessage(new SampleEvents.AccountOpened("n/a", 1));
        engine.appendEvents(event("acc-1", 0), plain);

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(ids(read)).containsExactly(read.get(0).getIdentifier(), plain.getIdentifier());
        assertThat(read.get(1)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(read.get(1).getPayload()).isEqualTo(plain.getPayload());
    }

    // ------------------------------------------------------------------------------------------------ 2. aggregates

    @Test
    void anAggregateReloadsFromItsEventsThroughAxonsRepository() throws Exception {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            EventSourcingRepository<SampleAccount> repository =
                    EventSourcingRepository.builder(SampleAccount.class).eventStore(eventStore).build();

            inUnitOfWork(() -> repository.newInstance(() -> new SampleAccount("acc-1")));
            for (int amount = 1; amount <= 9; amount++) {
                long deposit = amount * 100L;
                inUnitOfWork(() -> {
                    repository.load("acc-1").execute(account -> account.deposit(deposit));
                    return null;
                });
            }

            SampleAccount reloaded = inUnitOfWork(() -> repository.load("acc-1").invoke(account -> account));
            assertThat(reloaded.balance()).isEqualTo(4_500);
            assertThat(reloaded.deposits()).isEqualTo(9);
            assertThat(engine.lastSequenceNumberFor("acc-1")).contains(9L);
            assertThat(database.getCollection(SNAPSHOTS_COLLECTION).countDocuments()).isZero();
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void snapshotsAreStoredAndUsedWhenTheAggregateLoads() throws Exception {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            AggregateSnapshotter snapshotter =
                    AggregateSnapshotter.builder()
                                        .eventStore(eventStore)
                                        .aggregateFactories(new GenericAggregateFactory<>(SampleAccount.class))
                                        .build();
            EventSourcingRepository<SampleAccount> repository =
                    EventSourcingRepository.builder(SampleAccount.class)
                                           .eventStore(eventStore)
                                           .snapshotTriggerDefinition(
                                                   new EventCountSnapshotTriggerDefinition(snapshotter, 5))
                                           .build();
            inUnitOfWork(() -> repository.newInstance(() -> new SampleAccount("acc-1")));
            for (int i = 0; i < 7; i++) {
                inUnitOfWork(() -> {
                    repository.load("acc-1").execute(account -> account.deposit(10));
                    return null;
                });
            }

            Document snapshot = database.getCollection(SNAPSHOTS_COLLECTION).find(eq("_id", "acc-1")).first();
            assertThat(snapshot).isNotNull();
            long snapshotSequence = snapshot.getLong("sequenceNumber");
            assertThat(snapshotSequence).isBetween(4L, 7L);
            assertThat(snapshot.get("payload", Document.class).get("balance")).isInstanceOf(Number.class);

            // Change the stored snapshot's balance: if the repository uses the snapshot, the loaded state shows it.
            long snapshotBalance = snapshot.get("payload", Document.class).get("balance", Number.class).longValue();
            database.getCollection(SNAPSHOTS_COLLECTION)
                    .updateOne(eq("_id", "acc-1"), Updates.set("payload.balance", snapshotBalance + 1_000_000));

            SampleAccount reloaded = inUnitOfWork(() -> repository.load("acc-1").invoke(account -> account));
            assertThat(reloaded.balance()).isEqualTo(70 + 1_000_000);
            DomainEventStream stream = eventStore.readEvents("acc-1");
            assertThat(stream.next().getSequenceNumber()).isEqualTo(snapshotSequence);
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void aSnapshotIsOnlyReplacedByOneOfAHigherSequence() {
        engine.storeSnapshot(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                SampleEvents.AGGREGATE_TYPE, "acc-1", 8, new SampleEvents.AccountOpened("acc-1", 8)));
        engine.storeSnapshot(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                SampleEvents.AGGREGATE_TYPE, "acc-1", 5, new SampleEvents.AccountOpened("acc-1", 5)));
        assertThat(engine.readSnapshot("acc-1")).get().extracting(DomainEventMessage::getSequenceNumber)
                                                 .isEqualTo(8L);

        engine.storeSnapshot(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                SampleEvents.AGGREGATE_TYPE, "acc-1", 12, new SampleEvents.AccountOpened("acc-1", 12)));
        assertThat(engine.readSnapshot("acc-1")).get().extracting(DomainEventMessage::getSequenceNumber)
                                                 .isEqualTo(12L);
        assertThat(database.getCollection(SNAPSHOTS_COLLECTION).countDocuments()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ 3. conflicts

    @Test
    void aDuplicateAggregateSequenceIsRefusedWithConcurrencyExceptionAndChangesNothing() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1), event("acc-1", 2));
        Document headBefore = database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-1")).first();
        long allocatedBefore = engine.allocatedMaximum();

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 2)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 1), event("acc-1", 2), event("acc-1", 3)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(database.getCollection(EVENTS_COLLECTION).countDocuments()).isEqualTo(3);
        assertThat(database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-1")).first()).isEqualTo(headBefore);
        assertThat(engine.allocatedMaximum()).isEqualTo(allocatedBefore);
        assertThat(engine.verifyChain("acc-1").valid()).isTrue();
    }

    @Test
    void creatingAnAggregateTwiceIsRefusedWithAggregateStreamCreationException() {
        engine.appendEvents(event("acc-1", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(database.getCollection(EVENTS_COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aBatchWhoseSecondAggregateConflictsLeavesNothingOfTheFirst() {
        engine.appendEvents(event("agg-a", 0), event("agg-a", 1), event("agg-b", 0), event("agg-b", 1));
        Document headABefore = database.getCollection(HEADS_COLLECTION).find(eq("_id", "agg-a")).first();
        long allocatedBefore = engine.allocatedMaximum();

        // agg-a is claimed first (sorted order) and must be rolled back when agg-b's claim fails
        assertThatThrownBy(() -> engine.appendEvents(event("agg-a", 2), event("agg-a", 3), event("agg-b", 1)))
                .isInstanceOf(ConcurrencyException.class);
        // and the same with a brand-new first aggregate whose head had to be inserted
        assertThatThrownBy(() -> engine.appendEvents(event("agg-0", 0), event("agg-b", 1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(database.getCollection(EVENTS_COLLECTION).countDocuments()).isEqualTo(4);
        assertThat(database.getCollection(HEADS_COLLECTION).find(eq("_id", "agg-a")).first()).isEqualTo(headABefore);
        assertThat(database.getCollection(HEADS_COLLECTION).find(eq("_id", "agg-0")).first()).isNull();
        assertThat(engine.allocatedMaximum()).isEqualTo(allocatedBefore);
        assertThat(engine.readEvents("agg-a").asStream()).hasSize(2);

        engine.appendEvents(event("agg-a", 2), event("agg-0", 0));
        assertThat(engine.readEvents("agg-a").asStream()).hasSize(3);
        assertThat(engine.verifyChain("agg-a").valid()).isTrue();
    }

    @Test
    void aFailedInsertAfterTheClaimsRollsTheHeadsBackAndLeavesOnlyAHole() {
        MongoEventStorageEngine crashing = engine(indexes -> {
            throw new IllegalStateException("simulated failure after allocating " + indexes);
        });
        engine.appendEvents(event("acc-1", 0));
        Document headBefore = database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-1")).first();

        assertThatThrownBy(() -> crashing.appendEvents(event("acc-1", 1), event("acc-2", 0)))
                .isInstanceOf(EventStoreException.class);

        assertThat(database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-1")).first()).isEqualTo(headBefore);
        assertThat(database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-2")).first()).isNull();
        assertThat(database.getCollection(EVENTS_COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(engine.allocatedMaximum()).isEqualTo(3);
        engine.appendEvents(event("acc-1", 1));
        assertThat(readAll(engine, null)).extracting(e -> tokenOf(e).getIndex()).containsExactly(1L, 4L);
    }

    // ------------------------------------------------------------------------------------------------ 5. gaps

    @Test
    void anAbandonedGapIsKeptWhileRecentAndDroppedAfterTheGapTimeout() {
        MongoEventStorageEngine crashing = engine(indexes -> {
            throw new IllegalStateException("writer died");
        });
        engine.appendEvents(event("acc-1", 0));
        assertThatThrownBy(() -> crashing.appendEvents(event("acc-2", 0))).isInstanceOf(EventStoreException.class);
        engine.appendEvents(eventAt("acc-3", 0, clock.instant()));

        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(first).hasSize(2);
        GapAwareTrackingToken afterThird = tokenOf(first.get(1));
        assertThat(afterThird.getIndex()).isEqualTo(3);
        assertThat(afterThird.getGaps()).containsExactly(2L);

        // still within the timeout: the gap is kept
        clock.advance(Duration.ofMillis(GAP_TIMEOUT_MS / 2));
        engine.appendEvents(eventAt("acc-4", 0, clock.instant()));
        List<TrackedEventMessage<?>> second = readAll(engine, afterThird);
        assertThat(second).hasSize(1);
        assertThat(tokenOf(second.get(0)).getGaps()).containsExactly(2L);

        // the event after the hole is now older than the timeout: the hole is abandoned
        clock.advance(Duration.ofMillis(GAP_TIMEOUT_MS));
        engine.appendEvents(eventAt("acc-5", 0, clock.instant()));
        List<TrackedEventMessage<?>> third = readAll(engine, tokenOf(second.get(0)));
        assertThat(third).hasSize(1);
        assertThat(tokenOf(third.get(0)).getIndex()).isEqualTo(5);
        assertThat(tokenOf(third.get(0)).getGaps()).isEmpty();
    }

    @Test
    void aLateCommittedEventInsideAGapIsStillDelivered() throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine slow = engine(indexes -> {
            allocated.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        engine.appendEvents(event("acc-1", 0));
        DomainEventMessage<?> late = event("acc-late", 0);
        CompletableFuture<Void> slowAppend = CompletableFuture.runAsync(() -> slow.appendEvents(late));
        assertThat(allocated.await(10, TimeUnit.SECONDS)).isTrue();
        DomainEventMessage<?> early = event("acc-early", 0);
        engine.appendEvents(early);

        List<TrackedEventMessage<?>> before = readAll(engine, null);
        assertThat(ids(before)).containsExactly(before.get(0).getIdentifier(), early.getIdentifier());
        GapAwareTrackingToken withGap = tokenOf(before.get(1));
        assertThat(withGap.getIndex()).isEqualTo(3);
        assertThat(withGap.getGaps()).containsExactly(2L);

        release.countDown();
        slowAppend.get(10, TimeUnit.SECONDS);

        List<TrackedEventMessage<?>> after = readAll(engine, withGap);
        assertThat(ids(after)).containsExactly(late.getIdentifier());
        assertThat(tokenOf(after.get(0)).getIndex()).isEqualTo(3);
        assertThat(tokenOf(after.get(0)).getGaps()).isEmpty();
        assertThat(readAll(engine, tokenOf(after.get(0)))).isEmpty();
    }

    @Test
    void anAppendSeenHalfInsertedIsHeldBackSoAnAggregatesEventsAreNeverDeliveredOutOfOrder() {
        engine.appendEvents(event("acc-1", 0));
        GapAwareTrackingToken afterFirst = tokenOf(readAll(engine, null).get(0));
        DomainEventMessage<?> second = event("acc-1", 1);
        DomainEventMessage<?> third = event("acc-1", 2);
        engine.appendEvents(second, event("acc-2", 0), third);
        // what a reader sees while insertMany has made only the later documents visible
        Document notYetVisible = database.getCollection(EVENTS_COLLECTION).findOneAndDelete(
                eq("_id", second.getIdentifier()));

        assertThat(readAll(engine, afterFirst)).isEmpty();

        database.getCollection(EVENTS_COLLECTION).insertOne(notYetVisible);
        List<TrackedEventMessage<?>> read = readAll(engine, afterFirst);
        assertThat(read).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier() + "/"
                + ((DomainEventMessage<?>) e).getSequenceNumber())
                        .containsExactly("acc-1/1", "acc-2/0", "acc-1/2");
        assertThat(tokenOf(read.get(2)).hasGaps()).isFalse();
    }

    @Test
    void aReaderIsNotStuckBehindAWindowOfAllocatedButEmptyIndexes() {
        MongoEventStorageEngine crashing = engine(indexes -> {
            throw new IllegalStateException("writer died");
        });
        engine.appendEvents(event("acc-1", 0));
        GapAwareTrackingToken afterFirst = tokenOf(readAll(engine, null).get(0));
        for (int i = 0; i < 5 * BATCH_SIZE; i++) {
            DomainEventMessage<?> lost = event("lost-" + i, 0);
            assertThatThrownBy(() -> crashing.appendEvents(lost)).isInstanceOf(EventStoreException.class);
        }
        DomainEventMessage<?> next = event("acc-2", 0);
        engine.appendEvents(next);

        List<TrackedEventMessage<?>> read = readAll(engine, afterFirst);

        assertThat(ids(read)).containsExactly(next.getIdentifier());
        GapAwareTrackingToken token = tokenOf(read.get(0));
        assertThat(token.getIndex()).isEqualTo(2 + 5 * BATCH_SIZE);
        // every passed-over allocated index is recorded as a gap, none skipped silently
        assertThat(token.getGaps()).hasSize(5 * BATCH_SIZE).first().isEqualTo(2L);
    }

    // ------------------------------------------------------------------------------------------------ 6. tokens

    @Test
    void tokensAtTailHeadAndATimestampEachStreamExactlyTheExpectedEvents() {
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();

        MongoEventStorageEngine crashing = engine(indexes -> {
            throw new IllegalStateException("writer died");
        });
        Instant start = Instant.parse("2025-03-01T08:00:00Z");
        List<String> appended = new ArrayList<>();
        for (int minute = 0; minute < 10; minute++) {
            DomainEventMessage<?> e = eventAt("acc-" + minute % 3, minute / 3, start.plus(minute, ChronoUnit.MINUTES));
            engine.appendEvents(e);
            appended.add(e.getIdentifier());
            if (minute == 4) {
                assertThatThrownBy(() -> crashing.appendEvents(event("hole", 0)))
                        .isInstanceOf(EventStoreException.class);
            }
        }

        assertThat(ids(readAll(engine, engine.createTailToken()))).containsExactlyElementsOf(appended);
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
        assertThat(ids(readAll(engine, engine.createTokenAt(start.plus(5, ChronoUnit.MINUTES)))))
                .containsExactlyElementsOf(appended.subList(5, 10));
        assertThat(ids(readAll(engine, engine.createTokenAt(start.plus(270, ChronoUnit.SECONDS)))))
                .containsExactlyElementsOf(appended.subList(5, 10));
        assertThat(ids(readAll(engine, engine.createTokenAt(start.plus(2, ChronoUnit.MINUTES)))))
                .containsExactlyElementsOf(appended.subList(2, 10));
        assertThat(ids(readAll(engine, engine.createTokenAt(start.minus(1, ChronoUnit.HOURS)))))
                .containsExactlyElementsOf(appended);
        assertThat(readAll(engine, engine.createTokenAt(start.plus(1, ChronoUnit.DAYS)))).isEmpty();

        TrackingToken head = engine.createHeadToken();
        DomainEventMessage<?> later = event("acc-later", 0);
        engine.appendEvents(later);
        assertThat(ids(readAll(engine, head))).containsExactly(later.getIdentifier());
    }

    @Test
    void aHeadTokenKeepsAnAppendThatIsStillInFlight() throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine slow = engine(indexes -> {
            allocated.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        engine.appendEvents(event("acc-1", 0));
        DomainEventMessage<?> inFlight = event("acc-2", 0);
        CompletableFuture<Void> slowAppend = CompletableFuture.runAsync(() -> slow.appendEvents(inFlight));
        assertThat(allocated.await(10, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(event("acc-3", 0));

        GapAwareTrackingToken head = (GapAwareTrackingToken) engine.createHeadToken();
        assertThat(head.getIndex()).isEqualTo(3);
        assertThat(head.getGaps()).containsExactly(2L);

        release.countDown();
        slowAppend.get(10, TimeUnit.SECONDS);
        assertThat(ids(readAll(engine, head))).containsExactly(inFlight.getIdentifier());
    }

    // ------------------------------------------------------------------------------------------------ 7. replay

    @Test
    void aResetReplaysEverythingFromTheTail() throws Exception {
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DomainEventMessage<?> e = event("acc-" + i % 4, i / 4);
            engine.appendEvents(e);
            appended.add(e.getIdentifier());
        }
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine)
                                                          .fetchDelay(20).build();
        try (TrackingProbe probe = new TrackingProbe("reset-test", eventStore).start()) {
            assertThat(TrackingProbe.await(() -> probe.count() == 20, Duration.ofSeconds(30))).isTrue();
            probe.shutDown();
            probe.processor().resetTokens();
            probe.processor().start();
            assertThat(TrackingProbe.await(() -> probe.count() == 40, Duration.ofSeconds(30))).isTrue();

            List<String> delivered = probe.deliveries().stream().map(TrackingProbe.Delivery::eventId).toList();
            assertThat(delivered.subList(0, 20)).containsExactlyElementsOf(appended);
            assertThat(delivered.subList(20, 40)).containsExactlyElementsOf(appended);
        } finally {
            eventStore.shutDown();
        }
    }

    // ------------------------------------------------------------------------------------------------ 8. hash chain

    @Test
    void theHashChainVerifiesAndDetectsATamperedPayload() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (int seq = 0; seq < 6; seq++) {
            DomainEventMessage<?> e = event("acc-1", seq);
            engine.appendEvents(e, event("noise-" + seq, 0));
            stream.add(e);
        }
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 6, null));

        Document first = database.getCollection(EVENTS_COLLECTION).find(eq("_id", stream.get(0).getIdentifier()))
                                 .first();
        Document second = database.getCollection(EVENTS_COLLECTION).find(eq("_id", stream.get(1).getIdentifier()))
                                  .first();
        assertThat(first.getString("previousHash")).isNull();
        assertThat(second.getString("previousHash")).isEqualTo(first.getString("hash")).hasSize(64);

        database.getCollection(EVENTS_COLLECTION)
                .updateOne(eq("_id", stream.get(3).getIdentifier()), Updates.set("payload.amount", 1_000_000));

        ChainVerification tampered = engine.verifyChain("acc-1");
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.firstBrokenSequence()).isEqualTo(3L);
    }

    @Test
    void theHashChainDetectsTamperedMetadataAndARemovedEvent() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            DomainEventMessage<?> e = event("acc-1", seq);
            engine.appendEvents(e);
            stream.add(e);
        }
        database.getCollection(EVENTS_COLLECTION)
                .updateOne(eq("_id", stream.get(4).getIdentifier()), Updates.set("metaData.actor.role", "ADMIN"));
        assertThat(engine.verifyChain("acc-1").firstBrokenSequence()).isEqualTo(4L);

        database.getCollection(EVENTS_COLLECTION).deleteOne(eq("_id", stream.get(1).getIdentifier()));
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(false, 1, 1L));
    }

    // ------------------------------------------------------------------------------------------------ 9. orphaned claims

    @Test
    void anOrphanedHeadClaimIsRepairedAfterTheTimeoutAndTheAppendGoesThrough() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1), event("acc-1", 2));
        simulateWriterDiedAfterClaiming("acc-1", 5, clock.instant().minus(Duration.ofMinutes(1)));

        DomainEventMessage<?> next = event("acc-1", 3);
        engine.appendEvents(next);

        assertThat(engine.readEvents("acc-1").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                         .containsExactly(0L, 1L, 2L, 3L);
        Document head = database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-1")).first();
        assertThat(head.getLong("sequenceNumber")).isEqualTo(3L);
        assertThat(head.getString("claim")).isEqualTo("acc-1/3#" + head.getString("hash"));
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 4, null));
    }

    @Test
    void aRecentHeadClaimIsNotTakenOverBecauseItsWriterMayStillBeInserting() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1), event("acc-1", 2));
        simulateWriterDiedAfterClaiming("acc-1", 5, clock.instant().minus(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 3))).isInstanceOf(ConcurrencyException.class);
        assertThat(database.getCollection(HEADS_COLLECTION).find(eq("_id", "acc-1")).first().getLong(
                "sequenceNumber")).isEqualTo(5L);
        assertThat(engine.lastSequenceNumberFor("acc-1")).contains(2L);

        clock.advance(Duration.ofSeconds(30));
        engine.appendEvents(event("acc-1", 3));
        assertThat(engine.lastSequenceNumberFor("acc-1")).contains(3L);
    }

    @Test
    void anOrphanedClaimOfANewAggregateIsRemovedAndTheAggregateCanBeCreated() {
        database.getCollection(HEADS_COLLECTION).insertOne(
                new Document("_id", "acc-new").append("claim", "acc-new/1#" + "0".repeat(64)).append("sequenceNumber", 1L)
                                              .append("aggregateType", SampleEvents.AGGREGATE_TYPE)
                                              .append("hash", "0".repeat(64))
                                              .append("updatedAt", Date.from(clock.instant().minusSeconds(60))));

        engine.appendEvents(event("acc-new", 0), event("acc-new", 1));

        assertThat(engine.readEvents("acc-new").asStream()).hasSize(2);
        assertThat(engine.verifyChain("acc-new").valid()).isTrue();
    }

    @Test
    void aHeadLeftBehindItsStreamByAStalledWriterIsMovedForwardAfterTheTimeout() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1), event("acc-1", 2), event("acc-1", 3));
        Document eventOne = database.getCollection(EVENTS_COLLECTION).find(eq("streamKey", "acc-1/1")).first();
        database.getCollection(HEADS_COLLECTION).updateOne(
                eq("_id", "acc-1"),
                Updates.combine(Updates.set("claim", "acc-1/1#" + eventOne.getString("hash")),
                                Updates.set("sequenceNumber", 1L),
                                Updates.set("hash", eventOne.getString("hash")),
                                Updates.set("updatedAt", Date.from(clock.instant().minusSeconds(60)))));

        engine.appendEvents(event("acc-1", 4));

        assertThat(engine.lastSequenceNumberFor("acc-1")).contains(4L);
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 5, null));
    }

    @Test
    void aMissingHeadOfAStoredStreamIsRecreatedOnTheNextAppend() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1));
        database.getCollection(HEADS_COLLECTION).deleteOne(eq("_id", "acc-1"));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 1))).isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("acc-1", 2));

        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 3, null));
    }

    /** What a writer that died between claiming the head and inserting its events leaves behind. */
    private void simulateWriterDiedAfterClaiming(String aggregateId, long claimedSequence, Instant claimedAt) {
        database.getCollection(HEADS_COLLECTION).updateOne(
                eq("_id", aggregateId),
                Updates.combine(Updates.set("claim", aggregateId + "/" + claimedSequence + "#" + "f".repeat(64)),
                                Updates.set("sequenceNumber", claimedSequence),
                                Updates.set("hash", "f".repeat(64)),
                                Updates.set("updatedAt", Date.from(claimedAt))));
        database.getCollection("domain_event_counters")
                .updateOne(eq("_id", "globalIndex"), Updates.inc("value", 3L));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static <R> R inUnitOfWork(java.util.concurrent.Callable<R> task) throws Exception {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(task);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Exception e) {
                throw e;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}

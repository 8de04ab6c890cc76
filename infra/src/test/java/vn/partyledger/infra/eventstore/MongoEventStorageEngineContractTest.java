package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.infra.eventstore.SampleEvents.event;
import static vn.partyledger.infra.eventstore.SampleEvents.eventAt;

/**
 * The storage engine's contract on mongo-java-server's memory backend, through the real driver over a socket: what
 * is stored and how it comes back, conflicts, positions that are in flight or sealed, tokens, snapshots, upcasting
 * and the hash chain. The batch size is small so that every read crosses batch boundaries. (Faults at each step of an
 * append are the fault-injection suite's; the race of two writers is the concurrency test's.)
 */
class MongoEventStorageEngineContractTest {

    private static final int BATCH_SIZE = 4;
    private static final EventStoreTimeouts TIMEOUTS = new EventStoreTimeouts(Duration.ofSeconds(5),
                                                                              Duration.ofSeconds(10));

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void startServer() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.newNodeDatabase();
        engine = builder().build();
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    private MongoEventStorageEngine.Builder builder() {
        return MongoEventStorageEngine.builder().database(database).batchSize(BATCH_SIZE).timeouts(TIMEOUTS);
    }

    private MongoCollection<Document> commits() {
        return database.getCollection(MongoLogStore.COMMITS);
    }

    private MongoCollection<Document> streams() {
        return database.getCollection(MongoLogStore.STREAMS);
    }

    private static List<TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).collect(Collectors.toList());
    }

    private static long tokenOf(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }

    // ------------------------------------------------------------------------------------------------ 1. ordering

    @Test
    void eventsComeBackInAppendOrderOnTheGlobalStreamEachWithItsOwnToken() {
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
        List<Long> tokens = read.stream().map(MongoEventStorageEngineContractTest::tokenOf).toList();
        assertThat(tokens).isSorted().doesNotHaveDuplicates();
        assertThat(tokens.subList(0, 2)).containsExactly(1_000_000L, 2_000_000L);
        assertThat(tokens.subList(15, 18)).containsExactly(16_000_000L, 16_000_001L, 16_000_002L);
        // starting from any event's token delivers exactly the events after it, also inside one commit
        assertThat(ids(readAll(engine, read.get(15).trackingToken()))).containsExactlyElementsOf(ids(batch.subList(1, 3)));
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
    void anAppendIsOneCommitDocumentWithReadablePayloadAndMetadataThatComeBackIntact() {
        DomainEventMessage<?> deposit = SampleEvents.deposited("acc-1", 1, 250);
        engine.appendEvents(event("acc-1", 0), deposit);

        assertThat(commits().countDocuments()).isEqualTo(1);
        Document commit = commits().find(eq("_id", 1L)).first();
        assertThat(commit).isNotNull();
        assertThat(commit.getString("hash")).hasSize(64);
        assertThat(commit.get("committedAt")).isInstanceOf(Date.class);
        Document stored = commit.getList("events", Document.class).get(1);
        assertThat(stored.getString("eventIdentifier")).isEqualTo(deposit.getIdentifier());
        assertThat(stored.get("payload", Document.class).get("amount")).isEqualTo(250);
        assertThat(stored.get("payload", Document.class).get("exchangeRate"))
                .isEqualTo(new Decimal128(new BigDecimal("1.0000000000000000001")));
        assertThat(stored.get("payload", Document.class).getList("tags", String.class))
                .containsExactly("cash", "branch-5");
        assertThat(stored.get("metaData", Document.class).get("actor", Document.class).getString("role"))
                .isEqualTo("BRANCH_SECRETARY");
        assertThat(stored.get("timestamp")).isInstanceOf(Date.class);
        assertThat(stored.getString("aggregateType")).isEqualTo(SampleEvents.AGGREGATE_TYPE);
        Document entry = streams().find(eq("_id", "acc-1/1")).first();
        assertThat(entry.get("position")).isEqualTo(1L);
        assertThat(entry.getString("hash")).isEqualTo(stored.getString("hash"));

        DomainEventMessage<?> read = engine.readEvents("acc-1", 1).next();
        assertThat(read.getPayload()).isEqualTo(deposit.getPayload());
        assertThat(read.getMetaData()).isEqualTo(deposit.getMetaData());
        assertThat(read.getTimestamp()).isEqualTo(deposit.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        assertThat(read.getType()).isEqualTo(SampleEvents.AGGREGATE_TYPE);
    }

    record Numbers(int small, long large, double approximate, BigDecimal exact, BigDecimal scaled, BigInteger huge,
                   boolean flag, String text, List<Object> mixed) {
    }

    @Test
    void jsonNumbersKeepTheirTypeEveryDigitAndTheirScale() {
        Numbers numbers = new Numbers(7, 1L << 40, 0.1, new BigDecimal("12345678901234567890.123456789"),
                                      new BigDecimal("1.50"), new BigInteger("123456789012345678901234567890"),
                                      true, "\"quoted\" \u00e9\t", java.util.Arrays.asList(1, "two", null));
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Numbers", "num-1", 0, numbers,
                                                                      MetaData.with("rate", new BigDecimal("2.50")));
        engine.appendEvents(event);

        Document payload = commits().find(eq("_id", 1L)).first().getList("events", Document.class).get(0)
                                    .get("payload", Document.class);
        assertThat(payload.get("small")).isInstanceOf(Integer.class);
        assertThat(payload.get("large")).isEqualTo(1L << 40);
        assertThat(payload.get("approximate")).isEqualTo(0.1);
        assertThat(payload.get("exact")).isEqualTo(new Decimal128(new BigDecimal("12345678901234567890.123456789")));
        assertThat(payload.get("scaled")).isEqualTo(new Decimal128(new BigDecimal("1.50")));
        assertThat(payload.get("huge")).isInstanceOf(Decimal128.class);

        Object read = engine.readEvents("num-1").next().getPayload();
        assertThat(read).isEqualTo(numbers);
        assertThat(((Numbers) read).scaled().scale()).isEqualTo(2);
        assertThat(readAll(engine, null).get(0).getMetaData().get("rate").toString()).isEqualTo("2.50");
        assertThat(engine.verifyLog().valid()).isTrue();
    }

    @Test
    void anEventPublishedOutsideAnAggregateIsStoredAndTrackedAsAPlainEvent() {
        EventMessage<?> plain = GenericEventMessage.asEventMessage(new SampleEvents.AccountOpened("n/a", 1));
        engine.appendEvents(event("acc-1", 0), plain);

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(ids(read)).containsExactly(read.get(0).getIdentifier(), plain.getIdentifier());
        assertThat(read.get(1)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(read.get(1).getPayload()).isEqualTo(plain.getPayload());
        assertThat(streams().countDocuments()).isEqualTo(1);
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
            assertThat(database.getCollection(Snapshots.SNAPSHOTS).countDocuments()).isZero();
            assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 10, null));
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

            MongoCollection<Document> snapshots = database.getCollection(Snapshots.SNAPSHOTS);
            Document snapshot = snapshots.find(eq("_id", "acc-1")).first();
            assertThat(snapshot).isNotNull();
            long snapshotSequence = ((Number) snapshot.get("sequenceNumber")).longValue();
            assertThat(snapshotSequence).isBetween(4L, 7L);
            assertThat(snapshot.get("payload", Document.class).get("balance")).isInstanceOf(Number.class);

            // Change the stored snapshot's balance: if the repository uses the snapshot, the loaded state shows it.
            long snapshotBalance = snapshot.get("payload", Document.class).get("balance", Number.class).longValue();
            snapshots.updateOne(eq("_id", "acc-1"), Updates.set("payload.balance", snapshotBalance + 1_000_000));

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
        engine.storeSnapshot(new GenericDomainEventMessage<>(
                SampleEvents.AGGREGATE_TYPE, "acc-1", 8, new SampleEvents.AccountOpened("acc-1", 8)));
        engine.storeSnapshot(new GenericDomainEventMessage<>(
                SampleEvents.AGGREGATE_TYPE, "acc-1", 5, new SampleEvents.AccountOpened("acc-1", 5)));
        assertThat(engine.readSnapshot("acc-1")).get().extracting(DomainEventMessage::getSequenceNumber)
                                                 .isEqualTo(8L);

        engine.storeSnapshot(new GenericDomainEventMessage<>(
                SampleEvents.AGGREGATE_TYPE, "acc-1", 12, new SampleEvents.AccountOpened("acc-1", 12)));
        assertThat(engine.readSnapshot("acc-1")).get().extracting(DomainEventMessage::getSequenceNumber)
                                                 .isEqualTo(12L);
        assertThat(database.getCollection(Snapshots.SNAPSHOTS).countDocuments()).isEqualTo(1);
    }

    /** Upcasters see the stored payload as a Jackson tree, on aggregate loads and on tracking reads alike. */
    @Test
    void aJsonUpcasterRewritesStoredEventsOnLoadsAndOnTrackingReads() {
        String depositType = SampleEvents.MoneyDeposited.class.getName();
        SingleEventUpcaster doubleTheAmount = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(depositType)
                        && representation.getType().getRevision() == null;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(new SimpleSerializedType(depositType, "2"), JsonNode.class,
                                                    node -> {
                                                        ObjectNode copy = ((ObjectNode) node).deepCopy();
                                                        copy.put("amount", copy.get("amount").asLong() * 2);
                                                        return copy;
                                                    });
            }
        };
        engine.appendEvents(event("acc-1", 0), SampleEvents.deposited("acc-1", 1, 21));
        MongoEventStorageEngine upcasting = builder().upcasterChain(doubleTheAmount).build();

        Object loaded = upcasting.readEvents("acc-1", 1).next().getPayload();
        Object tracked = readAll(upcasting, null).get(1).getPayload();

        assertThat(((SampleEvents.MoneyDeposited) loaded).amount()).isEqualTo(42);
        assertThat(((SampleEvents.MoneyDeposited) tracked).amount()).isEqualTo(42);
        assertThat(((SampleEvents.MoneyDeposited) engine.readEvents("acc-1", 1).next().getPayload()).amount())
                .isEqualTo(21);
    }

    // ------------------------------------------------------------------------------------------------ 3. conflicts

    @Test
    void aDuplicateAggregateSequenceIsRefusedWithConcurrencyExceptionAndNothingBecomesVisible() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1), event("acc-1", 2));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 2)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 1), event("acc-1", 2), event("acc-1", 3)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(readAll(engine, null)).hasSize(3);
        assertThat(engine.lastSequenceNumberFor("acc-1")).contains(2L);
        // each refused append gave its position up: a tombstone, never a deletion
        assertThat(commits().countDocuments(eq("tombstone", true))).isEqualTo(2);
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 3, null));
        assertThat(engine.verifyLog().valid()).isTrue();
    }

    @Test
    void creatingAnAggregateTwiceIsRefusedWithAggregateStreamCreationException() {
        engine.appendEvents(event("acc-1", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(readAll(engine, null)).hasSize(1);
    }

    @Test
    void aStreamNeverHasAHole() {
        engine.appendEvents(event("acc-1", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 2))).isInstanceOf(ConcurrencyException.class)
                                                                        .hasMessageContaining("no stored event 1");
        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 1), event("acc-1", 3)))
                .isInstanceOf(ConcurrencyException.class).hasMessageContaining("consecutive");
        assertThat(engine.lastSequenceNumberFor("acc-1")).contains(0L);
    }

    @Test
    void aBatchWhoseSecondAggregateConflictsLeavesNothingOfTheFirstAndItsEntriesAreReusable() {
        engine.appendEvents(event("agg-a", 0), event("agg-a", 1), event("agg-b", 0), event("agg-b", 1));

        // agg-a's entries are claimed first and become void when agg-b's claim fails
        assertThatThrownBy(() -> engine.appendEvents(event("agg-a", 2), event("agg-a", 3), event("agg-b", 1)))
                .isInstanceOf(ConcurrencyException.class);
        // and the same with a brand-new first aggregate
        assertThatThrownBy(() -> engine.appendEvents(event("agg-0", 0), event("agg-b", 1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(readAll(engine, null)).hasSize(4);
        assertThat(engine.readEvents("agg-a").asStream()).hasSize(2);
        assertThat(engine.readEvents("agg-0").asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor("agg-0")).isEmpty();

        engine.appendEvents(event("agg-a", 2), event("agg-0", 0));
        assertThat(engine.readEvents("agg-a").asStream()).hasSize(3);
        assertThat(engine.readEvents("agg-0").asStream()).hasSize(1);
        assertThat(engine.verifyChain("agg-a")).isEqualTo(new ChainVerification(true, 3, null));
        assertThat(engine.verifyLog().valid()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------ 4. positions

    @Test
    void aFailedCommitInsertSealsItsPositionAndReadersStepOverTheTombstone() {
        engine.appendEvents(event("acc-1", 0));
        MongoEventStorageEngine failing = builder().logStore(new HookedLogStore(database) {
            @Override
            void beforeCommit(Document commit) {
                throw new MongoException("simulated: the insert failed");
            }
        }).build();

        assertThatThrownBy(() -> failing.appendEvents(event("acc-1", 1), event("acc-2", 0)))
                .isInstanceOf(ConcurrencyException.class).isInstanceOf(AppendAbandonedException.class);

        assertThat(commits().find(eq("_id", 2L)).first().getBoolean("tombstone")).isTrue();
        engine.appendEvents(event("acc-1", 1));
        assertThat(readAll(engine, null)).extracting(MongoEventStorageEngineContractTest::tokenOf)
                                         .containsExactly(1_000_000L, 3_000_000L);
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 2, null));
    }

    @Test
    void anAppendInFlightHoldsReadersBackAndIsDeliveredWhenItLands() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine slow = builder().logStore(new HookedLogStore(mongo.newNodeDatabase()) {
            @Override
            void beforeCommit(Document commit) {
                inFlight.countDown();
                await(release);
            }
        }).build();
        engine.appendEvents(event("acc-1", 0));
        DomainEventMessage<?> late = event("acc-late", 0);
        CompletableFuture<Void> slowAppend = CompletableFuture.runAsync(() -> slow.appendEvents(late));
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
        DomainEventMessage<?> early = event("acc-early", 0);
        engine.appendEvents(early);
        TrackingToken head = engine.createHeadToken();

        List<TrackedEventMessage<?>> before = readAll(engine, null);
        assertThat(before).hasSize(1);
        assertThat(tokenOf(before.get(0))).isEqualTo(1_000_000L);
        assertThat(((GlobalSequenceTrackingToken) head).getGlobalIndex()).isEqualTo(1_999_999L);

        release.countDown();
        slowAppend.get(10, TimeUnit.SECONDS);

        assertThat(ids(readAll(engine, before.get(0).trackingToken())))
                .containsExactly(late.getIdentifier(), early.getIdentifier());
        assertThat(ids(readAll(engine, head))).containsExactly(late.getIdentifier(), early.getIdentifier());
    }

    @Test
    void aPositionLeftEmptyByADeadWriterIsSealedByAReaderAfterTheTimeoutAndNeverFilledLater() {
        AtomicLong readerNanos = new AtomicLong();
        MongoEventStorageEngine reader = builder().nanoTime(readerNanos::get).build();
        Document[] orphan = new Document[1];
        MongoEventStorageEngine dying = builder().logStore(new HookedLogStore(database) {
            @Override
            void beforeCommit(Document commit) {
                orphan[0] = commit;
                throw new WriterDied();
            }
        }).build();
        engine.appendEvents(event("acc-1", 0));
        assertThatThrownBy(() -> dying.appendEvents(event("acc-1", 1))).isInstanceOf(WriterDied.class);
        DomainEventMessage<?> next = event("acc-2", 0);
        engine.appendEvents(next);
        TrackingToken afterFirst = readAll(reader, null).get(0).trackingToken();

        assertThat(readAll(reader, afterFirst)).isEmpty();
        readerNanos.addAndGet(TIMEOUTS.sealAfter().toNanos() - 1);
        assertThat(readAll(reader, afterFirst)).isEmpty();
        readerNanos.addAndGet(1);
        assertThat(ids(readAll(reader, afterFirst))).containsExactly(next.getIdentifier());

        assertThat(commits().find(eq("_id", 2L)).first().getBoolean("tombstone")).isTrue();
        assertThatThrownBy(() -> commits().insertOne(orphan[0])).isInstanceOf(MongoException.class);
        // the dead writer's stream entry is void: the stream goes on at 1
        engine.appendEvents(event("acc-1", 1));
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 2, null));
    }

    // ------------------------------------------------------------------------------------------------ 5. tokens

    @Test
    void tokensAtTailHeadAndATimestampEachStreamExactlyTheExpectedEvents() {
        assertThat(readAll(engine, engine.createTailToken())).isEmpty();
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
        MongoEventStorageEngine failing = builder().logStore(new HookedLogStore(database) {
            @Override
            void beforeCommit(Document commit) {
                throw new MongoException("simulated: the insert failed");
            }
        }).build();

        Instant start = Instant.parse("2025-03-01T08:00:00Z");
        List<String> appended = new ArrayList<>();
        for (int minute = 0; minute < 10; minute++) {
            DomainEventMessage<?> e = eventAt("acc-" + minute % 3, minute / 3, start.plus(minute, ChronoUnit.MINUTES));
            engine.appendEvents(e);
            appended.add(e.getIdentifier());
            if (minute == 4) {
                // stamped in line with the others: an abandoned append's time still raises the log's time
                // high-water mark (it is folded in when the position is allocated), see createTokenAt's tests
                Instant holeTime = start.plus(minute, ChronoUnit.MINUTES);
                assertThatThrownBy(() -> failing.appendEvents(eventAt("hole", 0, holeTime)))
                        .isInstanceOf(AppendAbandonedException.class);
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

    // ------------------------------------------------------------------------------------------------ 6. replay

    @Test
    void aResetReplaysEverythingFromTheTail() throws Exception {
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DomainEventMessage<?> e = event("acc-" + i % 4, i / 4);
            engine.appendEvents(e);
            appended.add(e.getIdentifier());
        }
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
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

    // ------------------------------------------------------------------------------------------------ 7. hash chain

    /** acc-1 events 0..5 at positions 1..6, each commit with another aggregate's event; a plain event at 4. */
    private List<DomainEventMessage<?>> chainOfSix() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (int seq = 0; seq < 6; seq++) {
            DomainEventMessage<?> e = event("acc-1", seq);
            if (seq == 3) {
                engine.appendEvents(e, event("noise-" + seq, 0),
                                    GenericEventMessage.asEventMessage(new SampleEvents.AccountOpened("plain", 3)));
            } else {
                engine.appendEvents(e, event("noise-" + seq, 0));
            }
            stream.add(e);
        }
        return stream;
    }

    @Test
    void theHashChainLinksEveryEventToTheOneBeforeItAndVerifies() {
        chainOfSix();

        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 6, null));
        assertThat(engine.verifyLog()).isEqualTo(new LogVerification(true, 6, 13, null, null));
        List<Document> first = commits().find(eq("_id", 1L)).first().getList("events", Document.class);
        List<Document> second = commits().find(eq("_id", 2L)).first().getList("events", Document.class);
        assertThat(first.get(0).getString("previousHash")).isNull();
        assertThat(second.get(0).getString("previousHash")).isEqualTo(first.get(0).getString("hash")).hasSize(64);
        assertThat(commits().find(eq("_id", 4L)).first().getList("events", Document.class).get(2)
                            .getString("previousHash")).isNull();
    }

    static List<org.junit.jupiter.params.provider.Arguments> alterations() {
        Date later = Date.from(Instant.parse("2031-01-01T00:00:00Z"));
        return List.of(
                alteration("event payload", commit -> eventIn(commit, 0).get("payload", Document.class)
                                                                       .put("amount", 1_000_000)),
                alteration("event metadata", commit -> eventIn(commit, 0).get("metaData", Document.class)
                                                                        .get("actor", Document.class)
                                                                        .put("role", "ADMIN")),
                alteration("event timestamp", commit -> eventIn(commit, 0).put(
                        "timestamp", new Date(eventIn(commit, 0).getDate("timestamp").getTime() + 1))),
                alteration("event aggregate type", commit -> eventIn(commit, 0).put("aggregateType", "Organisation")),
                alteration("event identifier", commit -> eventIn(commit, 0).put("eventIdentifier", "forged")),
                alteration("event payload type", commit -> eventIn(commit, 0).put("payloadType", "java.lang.String")),
                alteration("event previous hash", commit -> eventIn(commit, 0).put("previousHash", "0".repeat(64))),
                alteration("event hash", commit -> eventIn(commit, 0).put("hash", "0".repeat(64))),
                alteration("another aggregate's event in the commit", commit -> eventIn(commit, 1).put(
                        "aggregateType", "Organisation")),
                alteration("a plain event in the commit", commit -> eventIn(commit, 2).get("payload", Document.class)
                                                                                    .put("openingBalance", 99)),
                alteration("an event removed from the commit", commit -> commit.getList("events", Document.class)
                                                                                .remove(2)),
                alteration("commit time", commit -> commit.put("committedAt", later)),
                alteration("commit time high-water", commit -> commit.put("timeHighWater", later)),
                alteration("commit request key", commit -> commit.put("request", "forged")),
                alteration("commit id", commit -> commit.put("commitId", "forged")),
                alteration("commit hash", commit -> commit.put("hash", "0".repeat(64))));
    }

    private static org.junit.jupiter.params.provider.Arguments alteration(String name, Consumer<Document> change) {
        return org.junit.jupiter.params.provider.Arguments.of(name, change);
    }

    private static Document eventIn(Document commit, int index) {
        return commit.getList("events", Document.class).get(index);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("alterations")
    void alteringAnyStoredFieldOfAnEventOrCommitIsDetected(String field, Consumer<Document> change) {
        chainOfSix();

        tamper(commits(), 4L, change);

        assertThat(engine.verifyChain("acc-1")).as(field).isEqualTo(new ChainVerification(false, 3, 3L));
        LogVerification log = engine.verifyLog();
        assertThat(log.valid()).as(field).isFalse();
        assertThat(log.firstBrokenPosition()).as(field).isEqualTo(4L);
    }

    @Test
    void aCommitMovedToAnotherPositionIsDetected() {
        chainOfSix();
        Document third = commits().find(eq("_id", 3L)).first();
        Document fourth = commits().find(eq("_id", 4L)).first();

        commits().replaceOne(eq("_id", 4L), new Document("_id", 4L)); // the request key is unique
        commits().replaceOne(eq("_id", 3L), new Document(fourth).append("_id", 3L));
        commits().replaceOne(eq("_id", 4L), new Document(third).append("_id", 4L));

        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(false, 2, 2L));
        assertThat(engine.verifyLog().firstBrokenPosition()).isEqualTo(3L);
    }

    /** No head document: the chain is checked to the last stored event, so the newest one is covered too. */
    @Test
    void theLastStoredEventIsVerifiedToo() {
        List<DomainEventMessage<?>> stream = chainOfSix();
        DomainEventMessage<?> last = event("acc-1", 6);
        engine.appendEvents(last);
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(true, 7, null));

        tamper(commits(), 7L, commit -> eventIn(commit, 0).get("payload", Document.class).put("amount", 1));

        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(false, 6, 6L));
        assertThat(engine.verifyLog().firstBrokenPosition()).isEqualTo(7L);
        assertThat(stream).hasSize(6);
    }

    @Test
    void anEventRemovedFromTheLogOrAStreamEntryRedirectedIsDetected() {
        chainOfSix();

        streams().updateOne(eq("_id", "acc-1/2"), Updates.set("position", 4L));
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(false, 2, 2L));
        assertThat(engine.verifyLog().firstBrokenPosition()).isEqualTo(3L);

        streams().updateOne(eq("_id", "acc-1/2"), Updates.set("position", 3L));
        commits().replaceOne(eq("_id", 3L), CommitDocument.tombstone(3, new Date()));
        assertThat(engine.verifyChain("acc-1")).isEqualTo(new ChainVerification(false, 2, 3L));
        assertThat(engine.verifyLog().firstBrokenPosition()).isEqualTo(4L);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A writer that stops dead: an Error nothing in the engine catches. */
    static final class WriterDied extends Error {
        WriterDied() {
            super("simulated: the writer died before its commit insert");
        }
    }

    /** The real store, with a hook just before the commit insert (after allocation and stream claims). */
    abstract static class HookedLogStore extends ForwardingLogStore {

        HookedLogStore(MongoDatabase database) {
            super(new MongoLogStore(database));
        }

        abstract void beforeCommit(Document commit);

        @Override
        public void insertCommit(Document commit) {
            beforeCommit(commit);
            super.insertCommit(commit);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void tamper(MongoCollection<Document> collection, Object id, Consumer<Document> change) {
        Document document = collection.find(eq("_id", id)).first();
        change.accept(document);
        collection.replaceOne(eq("_id", id), document);
    }

    static <R> R inUnitOfWork(Callable<R> task) throws Exception {
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

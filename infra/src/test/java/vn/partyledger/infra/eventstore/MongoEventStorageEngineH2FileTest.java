package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.infra.eventstore.SampleEvents.event;

/**
 * A subset of the contract on mongo-java-server's H2 MVStore file backend (the embedded default of the
 * application), including closing and reopening the file: commits, tombstones, stream entries, the position counter,
 * snapshots and the unique keys all persist, and the hash chain still verifies after reopening.
 */
class MongoEventStorageEngineH2FileTest {

    @TempDir
    Path directory;

    private final List<EmbeddedEventStore> eventStores = new ArrayList<>();

    @AfterEach
    void shutDownEventStores() {
        eventStores.forEach(EmbeddedEventStore::shutDown);
    }

    private MongoEventStorageEngine engineOn(EmbeddedMongo mongo) {
        return MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).batchSize(4).build();
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    @Test
    void commitsStreamEntriesCounterAndIndexesSurviveReopeningTheFile() {
        Path file = directory.resolve("events.mv");
        List<String> appended = new ArrayList<>();
        TrackingToken lastToken;
        try (EmbeddedMongo mongo = EmbeddedMongo.h2File(file)) {
            MongoEventStorageEngine engine = engineOn(mongo);
            for (int seq = 0; seq < 4; seq++) {
                List<EventMessage<?>> batch = List.of(event("acc-a", seq), event("acc-b", seq));
                engine.appendEvents(batch);
                appended.addAll(ids(batch));
            }
            List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
            assertThat(ids(read)).containsExactlyElementsOf(appended);
            lastToken = read.get(read.size() - 1).trackingToken();
            assertThat(engine.verifyLog()).isEqualTo(new LogVerification(true, 4, 8, null, null));
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.h2File(file)) {
            MongoEventStorageEngine engine = engineOn(reopened);

            assertThat(ids(engine.readEvents(null, false).toList())).containsExactlyElementsOf(appended);
            assertThat(engine.readEvents("acc-b").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                             .containsExactly(0L, 1L, 2L, 3L);
            assertThat(engine.verifyChain("acc-a")).isEqualTo(new ChainVerification(true, 4, null));
            assertThat(engine.lastSequenceNumberFor("acc-a")).contains(3L);

            assertThatThrownBy(() -> engine.appendEvents(event("acc-a", 3)))
                    .isInstanceOf(ConcurrencyException.class);
            DomainEventMessage<?> next = event("acc-a", 4);
            engine.appendEvents(next);

            List<? extends TrackedEventMessage<?>> continued = engine.readEvents(lastToken, false).toList();
            assertThat(ids(continued)).containsExactly(next.getIdentifier());
            // commits 1-4 held the first eight events, commit 5 was given up (the refused append), 6 is next
            assertThat(((GlobalSequenceTrackingToken) continued.get(0).trackingToken()).getGlobalIndex())
                    .isEqualTo(6_000_000L);
            assertThat(engine.verifyChain("acc-a")).isEqualTo(new ChainVerification(true, 5, null));
            assertThat(engine.verifyLog().valid()).isTrue();
        }
        try (EmbeddedMongo again = EmbeddedMongo.h2File(file)) {
            MongoEventStorageEngine engine = engineOn(again);
            // the refused append's tombstone and the last commit are on disk too: nothing to wait for, nothing lost
            assertThat(engine.readEvents(null, false).toList()).hasSize(appended.size() + 1);
            assertThat(engine.verifyLog()).isEqualTo(new LogVerification(true, 5, 9, null, null));
        }
    }

    @Test
    void anAggregateWithASnapshotReloadsThroughAxonsRepositoryAfterReopening() throws Exception {
        Path file = directory.resolve("aggregates.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2File(file)) {
            EventSourcingRepository<SampleAccount> repository = repository(engineOn(mongo));
            inUnitOfWork(() -> repository.newInstance(() -> new SampleAccount("acc-1")));
            for (int i = 1; i <= 8; i++) {
                long amount = i;
                inUnitOfWork(() -> {
                    repository.load("acc-1").execute(account -> account.deposit(amount));
                    return null;
                });
            }
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.h2File(file)) {
            MongoEventStorageEngine engine = engineOn(reopened);
            assertThat(engine.readSnapshot("acc-1")).isPresent();
            SampleAccount account = inUnitOfWork(() -> repository(engine).load("acc-1").invoke(a -> a));
            assertThat(account.balance()).isEqualTo(36);
            assertThat(account.deposits()).isEqualTo(8);
        }
    }

    @Test
    void aConflictingMultiAggregateBatchLeavesNothingBehindOnTheFileBackend() {
        try (EmbeddedMongo mongo = EmbeddedMongo.h2File(directory.resolve("conflicts.mv"))) {
            MongoEventStorageEngine engine = engineOn(mongo);
            engine.appendEvents(event("agg-a", 0), event("agg-b", 0), event("agg-b", 1));

            assertThatThrownBy(() -> engine.appendEvents(event("agg-a", 1), event("agg-b", 1)))
                    .isInstanceOf(ConcurrencyException.class);

            assertThat(engine.lastSequenceNumberFor("agg-a")).contains(0L);
            assertThat(engine.readEvents(null, false).toList()).hasSize(3);
            engine.appendEvents(event("agg-a", 1), event("agg-b", 2));
            assertThat(engine.readEvents(null, false).toList()).hasSize(5);
            assertThat(engine.verifyChain("agg-b").valid()).isTrue();
        }
    }

    private EventSourcingRepository<SampleAccount> repository(MongoEventStorageEngine engine) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        eventStores.add(eventStore);
        AggregateSnapshotter snapshotter =
                AggregateSnapshotter.builder()
                                    .eventStore(eventStore)
                                    .aggregateFactories(new GenericAggregateFactory<>(SampleAccount.class))
                                    .build();
        return EventSourcingRepository.builder(SampleAccount.class)
                                      .eventStore(eventStore)
                                      .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter,
                                                                                                         3))
                                      .build();
    }

    private static <R> R inUnitOfWork(Callable<R> task) throws Exception {
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

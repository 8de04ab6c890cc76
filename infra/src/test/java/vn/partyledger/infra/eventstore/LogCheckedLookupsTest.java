package vn.partyledger.infra.eventstore;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.infra.security.LogCheckedLookups;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.MongoEventStorageEngineContractTest.inUnitOfWork;

/**
 * The permission checks' look-ups (ADR 0052): a value read from an aggregate is given again only while the log holds
 * no later event of it, whichever node stored that event, and never one an enclosing unit of work had not stored.
 */
class LogCheckedLookupsTest {

    private EmbeddedMongo mongo;
    private MongoEventStorageEngine thisNode;
    private MongoEventStorageEngine otherNode;
    private EmbeddedEventStore eventStore;
    private EventSourcingRepository<SampleAccount> accounts;
    private final AtomicInteger loads = new AtomicInteger();
    private LogCheckedLookups lookups;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        thisNode = MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).build();
        otherNode = MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).build();
        eventStore = EmbeddedEventStore.builder().storageEngine(thisNode).build();
        accounts = EventSourcingRepository.builder(SampleAccount.class).eventStore(eventStore).build();
        lookups = new LogCheckedLookups(thisNode::withEventsAfter, 10);
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
        mongo.close();
    }

    @Test
    void aValueIsLoadedOnceAndGivenAgainWhileTheLogHoldsNothingLater() throws Exception {
        thisNode.appendEvents(SampleEvents.opened("acc-1"), SampleEvents.deposited("acc-1", 1, 100));

        assertThat(balance("acc-1")).contains(100L);
        assertThat(balance("acc-1")).contains(100L);
        assertThat(balance("acc-1")).contains(100L);

        assertThat(loads).as("one load, then one keyed read of the log per look-up").hasValue(1);
    }

    @Test
    void anEventAnotherNodeStoresIsSeenByTheNextLookUp() throws Exception {
        thisNode.appendEvents(SampleEvents.opened("acc-1"), SampleEvents.deposited("acc-1", 1, 100));
        assertThat(balance("acc-1")).contains(100L);

        otherNode.appendEvents(SampleEvents.deposited("acc-1", 2, 50));

        assertThat(balance("acc-1")).contains(150L);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aValueSeenInsideAnotherUnitOfWorkIsNotKeptForLaterLookUps() throws Exception {
        thisNode.appendEvents(SampleEvents.opened("acc-1"), SampleEvents.deposited("acc-1", 1, 100));
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        accounts.load("acc-1").execute(account -> account.deposit(900));
        Optional<Long> seenInside = inUnitOfWork(() -> lookups.find(countedLoads(), "balance", "acc-1",
                SampleAccount::balance));
        command.rollback();

        assertThat(seenInside).as("the enclosing command's deposit, not stored").contains(1_000L);
        assertThat(balance("acc-1")).as("the log's balance, the deposit rolled back").contains(100L);
    }

    @Test
    void ofManyAggregatesTheLogNamesInOneReadThoseWithAnEventAfterTheGivenVersion() {
        thisNode.appendEvents(SampleEvents.opened("acc-1"), SampleEvents.deposited("acc-1", 1, 100),
                SampleEvents.opened("acc-2"), SampleEvents.opened("acc-3"));

        assertThat(thisNode.withEventsAfter(Map.of("acc-1", 0L, "acc-2", 0L, "acc-3", -1L, "acc-none", -1L)))
                .containsExactlyInAnyOrder("acc-1", "acc-3");
    }

    @Test
    void anAggregateNotInTheLogIsNotFound() throws Exception {
        assertThat(balance("acc-none")).isEmpty();
        assertThat(thisNode.withEventsAfter(Map.of("acc-none", -1L))).isEmpty();
    }

    private Optional<Long> balance(String accountId) throws Exception {
        return inUnitOfWork(() -> lookups.find(countedLoads(), "balance", accountId, SampleAccount::balance));
    }

    private Supplier<Repository<SampleAccount>> countedLoads() {
        return () -> {
            loads.incrementAndGet();
            return accounts;
        };
    }
}

package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.assertj.core.groups.Tuple;
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
 * A load of one aggregate takes from each commit only the aggregate's first event there (ADR 0071), and a commit whole
 * when that is not enough: the events loaded are the stream's, whatever else its commits hold.
 */
class OneStreamLoadTest {

    private EmbeddedMongo mongo;
    private MongoEventStorageEngine engine;
    private final List<Document> partialCommits = new ArrayList<>();
    private final AtomicInteger wholeCommitReads = new AtomicInteger();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        LogStore watched = new ForwardingLogStore(new MongoLogStore(mongo.newNodeDatabase())) {
            @Override
            public Map<Long, Document> findCommitsWithFirstEventOf(Collection<Long> positions, String aggregate) {
                Map<Long, Document> found = super.findCommitsWithFirstEventOf(positions, aggregate);
                partialCommits.addAll(found.values());
                return found;
            }

            @Override
            public Map<Long, Document> findCommits(Collection<Long> positions) {
                if (!positions.isEmpty()) {
                    wholeCommitReads.incrementAndGet();
                }
                return super.findCommits(positions);
            }
        };
        engine = MongoEventStorageEngine.builder().database(mongo.newNodeDatabase()).logStore(watched).build();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private List<Tuple> loaded(String account, long from) {
        return engine.readEvents(account, from).asStream()
                .map(event -> tuple(event.getSequenceNumber(), event.getPayload())).toList();
    }

    private static Object payload(DomainEventMessage<?> event) {
        return event.getPayload();
    }

    @Test
    void aLoadTakesOnlyItsOwnEventFromACommitHoldingOtherAggregatesEvents() {
        engine.appendEvents(List.of(SampleEvents.opened("acc-b"), SampleEvents.opened("acc-a"),
                SampleEvents.opened("acc-c")));
        DomainEventMessage<?> deposit = SampleEvents.deposited("acc-a", 1, 10);
        engine.appendEvents(List.of(deposit));

        assertThat(loaded("acc-a", 0)).containsExactly(tuple(0L, payload(SampleEvents.opened("acc-a"))),
                tuple(1L, payload(deposit)));
        assertThat(partialCommits).hasSize(2).allSatisfy(commit -> assertThat(CommitDocument.events(commit))
                .extracting(event -> event.getString(CommitDocument.AGGREGATE_IDENTIFIER))
                .containsExactly("acc-a"));
        assertThat(wholeCommitReads).hasValue(0);
    }

    @Test
    void aCommitHoldingTwoEventsOfTheAggregateIsReadWholeAndBothAreLoaded() {
        DomainEventMessage<?> deposit = SampleEvents.deposited("acc-a", 1, 10);
        engine.appendEvents(List.of(SampleEvents.opened("acc-a"), SampleEvents.opened("acc-b"), deposit));

        assertThat(loaded("acc-a", 0)).containsExactly(tuple(0L, payload(SampleEvents.opened("acc-a"))),
                tuple(1L, payload(deposit)));
        assertThat(wholeCommitReads).hasValue(1);
    }

    @Test
    void aLoadStartingAfterTheAggregatesFirstEventInACommitReadsThatCommitWhole() {
        DomainEventMessage<?> deposit = SampleEvents.deposited("acc-a", 1, 10);
        engine.appendEvents(List.of(SampleEvents.opened("acc-a"), SampleEvents.opened("acc-b"), deposit));
        DomainEventMessage<?> second = SampleEvents.deposited("acc-a", 2, 20);
        engine.appendEvents(List.of(second));

        assertThat(loaded("acc-a", 1)).containsExactly(tuple(1L, payload(deposit)), tuple(2L, payload(second)));
        assertThat(wholeCommitReads).hasValue(1);
    }
}

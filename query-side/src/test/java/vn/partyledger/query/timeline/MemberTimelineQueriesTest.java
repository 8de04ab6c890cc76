package vn.partyledger.query.timeline;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.timeline.FindMemberState;
import vn.partyledger.domain.timeline.FindMemberTimeline;
import vn.partyledger.domain.timeline.MemberState;
import vn.partyledger.domain.timeline.MemberTimeline;
import vn.partyledger.domain.timeline.TimelineEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's history is kept between reads while the log holds nothing later of the member (ADR 0070): read again
 * only once the member has a later event, and never kept when read inside another's unit of work.
 */
class MemberTimelineQueriesTest {

    private static final String MEMBER = "m-7";
    private static final String BRANCH = "chi-bo-3";
    private static final String WARD = "phuong-1";
    private static final LocalDate DECIDED = LocalDate.of(2024, 4, 22);
    private static final LocalDate CEREMONY = LocalDate.of(2024, 5, 19);
    private static final LocalDate PROBATION_END = CEREMONY.plusYears(1);

    private final StreamReadsCounted storage = new StreamReadsCounted();
    private final EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final MemberTimelineQueries queries = new MemberTimelineQueries(log, this::laterEvents, 10);

    @AfterEach
    void shutDown() {
        log.shutDown();
    }

    /** The log's own answer: the members whose last stored sequence number is past the version given. */
    private Set<String> laterEvents(Map<String, Long> versions) {
        return versions.entrySet().stream()
                .filter(version -> storage.lastStored.getOrDefault(version.getKey(), -1L) > version.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static void recorded(EventStore log, long sequence, Object event, LocalDate businessDate) {
        log.publish(new GenericDomainEventMessage<>(MemberTimelineQueries.MEMBER_STREAM, MEMBER, sequence, event,
                MetaData.with(MetadataKeys.BUSINESS_DATE, businessDate.toString())));
    }

    private void admitted() {
        recorded(log, 0, new AdmissionApproved(MEMBER, DECIDED, WARD, DECIDED.plusDays(2)), DECIDED);
        recorded(log, 1, new MemberAdmitted(MEMBER, "p-7", BRANCH, CEREMONY, PROBATION_END, DECIDED, false), CEREMONY);
    }

    /** A read as the query bus runs it: in a unit of work of its own. */
    private static <R> R read(Callable<R> query) throws Exception {
        return DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("read")).executeWithResult(query).getPayload();
    }

    private MemberTimeline timeline() throws Exception {
        return read(() -> queries.handle(new FindMemberTimeline(MEMBER, null, null, 0, 100))).orElseThrow();
    }

    private static List<String> types(MemberTimeline timeline) {
        return timeline.entries().stream().map(TimelineEntry::eventType).toList();
    }

    @Test
    void aMembersHistoryReadAgainWhileTheLogHoldsNothingLaterOfTheMemberIsNotReadFromTheLogAgain() throws Exception {
        admitted();

        MemberTimeline first = timeline();
        MemberTimeline second = timeline();
        Optional<MemberState> state = read(() -> queries.handle(new FindMemberState(MEMBER, CEREMONY)));

        assertThat(types(first)).containsExactly("AdmissionApproved", "MemberAdmitted");
        assertThat(second).isEqualTo(first);
        assertThat(state).map(MemberState::status).contains(MemberStatus.PROBATIONARY);
        assertThat(storage.streamReads.get()).isEqualTo(1);
    }

    @Test
    void anEntryRecordedAfterAReadShowsInTheNextRead() throws Exception {
        admitted();
        timeline();

        recorded(log, 2, new FullMembershipRecognized(MEMBER, BRANCH, PROBATION_END.plusDays(11), PROBATION_END,
                WARD, false), PROBATION_END.plusDays(11));

        assertThat(types(timeline())).containsExactly("AdmissionApproved", "MemberAdmitted",
                "FullMembershipRecognized");
        assertThat(storage.streamReads.get()).isEqualTo(2);
    }

    @Test
    void aHistoryReadInsideAnotherUnitOfWorkIsNotKeptForItMayHoldThatOnesEventsNeverStored() throws Exception {
        admitted();
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("command"));
        recorded(log, 2, new FullMembershipRecognized(MEMBER, BRANCH, PROBATION_END.plusDays(11), PROBATION_END,
                WARD, false), PROBATION_END.plusDays(11));
        MemberTimeline insideTheCommand = timeline();
        command.rollback();

        assertThat(types(insideTheCommand)).containsExactly("AdmissionApproved", "MemberAdmitted",
                "FullMembershipRecognized");
        assertThat(types(timeline())).containsExactly("AdmissionApproved", "MemberAdmitted");
    }

    /** The in-memory log, counting the streams read from it and knowing each stream's last stored event. */
    private static final class StreamReadsCounted extends InMemoryEventStorageEngine {
        private final AtomicInteger streamReads = new AtomicInteger();
        private final Map<String, Long> lastStored = new ConcurrentHashMap<>();

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            super.appendEvents(events);
            events.forEach(event -> lastStored.merge(((DomainEventMessage<?>) event).getAggregateIdentifier(),
                    ((DomainEventMessage<?>) event).getSequenceNumber(), Math::max));
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            streamReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }
}

package vn.partyledger.query.timeline;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.timeline.FindMemberChanges;
import vn.partyledger.domain.timeline.FindMemberState;
import vn.partyledger.domain.timeline.FindMemberTimeline;
import vn.partyledger.domain.timeline.MemberChanges;
import vn.partyledger.domain.timeline.MemberState;
import vn.partyledger.domain.timeline.MemberTimeline;
import vn.partyledger.domain.timeline.TimelineEntry;
import vn.partyledger.query.kept.KeptWhileCurrent;

import java.util.List;
import java.util.Optional;

/**
 * Answers the member timeline queries from the member's own stream, read by key from the event store (ADR 0030): a
 * member's stream is a few dozen entries, so no projection is kept for it. The history read is kept while the log holds
 * no later event of the member (ADR 0070): an auditor's next page, state or changes of the same member costs one keyed
 * read of the log instead of the stream again, whose first entries often sit in an import's commit with fifty other
 * members' events. Empty when the id names no member (no stream, or another aggregate's).
 */
public class MemberTimelineQueries {

    /** The aggregate type of a member's stream: the Member aggregate's simple class name, as Axon records it. */
    static final String MEMBER_STREAM = "Member";

    private final EventStore eventStore;
    private final KeptWhileCurrent<MemberHistory> histories;

    /** Keeps at most {@code historiesKept} members' histories, the least recently read going first. */
    public MemberTimelineQueries(EventStore eventStore, KeptWhileCurrent.LaterEvents laterEvents, int historiesKept) {
        this.eventStore = eventStore;
        this.histories = new KeptWhileCurrent<>(laterEvents, historiesKept);
    }

    @QueryHandler
    Optional<MemberTimeline> handle(FindMemberTimeline query) {
        return history(query.memberId()).map(history -> {
            List<TimelineEntry> kept = history.shown(date -> (query.from() == null || !date.isBefore(query.from()))
                    && (query.to() == null || !date.isAfter(query.to())));
            return new MemberTimeline(query.memberId(), kept.size(), query.page(), query.size(), kept.stream()
                    .skip((long) query.page() * query.size()).limit(query.size()).toList());
        });
    }

    @QueryHandler
    Optional<MemberState> handle(FindMemberState query) {
        return history(query.memberId()).map(history -> MemberStateOnDate.of(history, query.asOf()));
    }

    @QueryHandler
    Optional<MemberChanges> handle(FindMemberChanges query) {
        return history(query.memberId())
                .map(history -> ChangesBetweenDates.of(history, query.from(), query.to()));
    }

    private Optional<MemberHistory> history(String memberId) {
        MemberHistory kept = histories.current(List.of(memberId)).get(memberId);
        if (kept != null) {
            return Optional.of(kept);
        }
        // From the first entry, never from a snapshot: the timeline shows every entry ever recorded.
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(memberId, 0).asStream().toList();
        if (stream.isEmpty() || !stream.stream().allMatch(message -> MEMBER_STREAM.equals(message.getType()))) {
            return Optional.empty();
        }
        MemberHistory history = new MemberHistory(memberId, stream.stream().map(RecordedEntry::of).toList());
        histories.keepIfReadOnItsOwn(memberId, stream.get(stream.size() - 1).getSequenceNumber(), history);
        return Optional.of(history);
    }
}

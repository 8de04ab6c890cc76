package vn.partyledger.command.organisation;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Each member's standing on the roll over time (null from the day they left): a vote keyed in late is counted against
 * the full members on the roll on its own day, the denominator of the two-thirds votes (docs/rules.md#I5).
 */
final class RollOverTime {

    private final Map<String, Timeline<MemberStatus>> standings = new HashMap<>();

    /**
     * The count of full members on every date it changed: one pass over each member's standing, adding one where a
     * member becomes full and taking one away where they stop being full, then a running sum in date order.
     */
    Timeline<Integer> fullMembers() {
        NavigableMap<LocalDate, Integer> changes = new TreeMap<>();
        for (Timeline<MemberStatus> standing : standings.values()) {
            boolean wasFull = false;
            for (LocalDate date : standing.changeDates()) {
                boolean full = standing.on(date).filter(MemberStatus.FULL::equals).isPresent();
                if (full != wasFull) {
                    changes.merge(date, full ? 1 : -1, Integer::sum);
                    wasFull = full;
                }
            }
        }
        NavigableMap<LocalDate, Integer> counts = new TreeMap<>();
        int count = 0;
        for (Map.Entry<LocalDate, Integer> change : changes.entrySet()) {
            count += change.getValue();
            counts.put(change.getKey(), count);
        }
        return Timeline.of(counts);
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        standings.merge(event.memberId(), Timeline.<MemberStatus>empty().with(event.effectiveDate(), event.status()),
                (standing, ignored) -> standing.with(event.effectiveDate(), event.status()));
    }

    @EventSourcingHandler
    void on(MemberReleased event) {
        standings.computeIfPresent(event.memberId(), (memberId, standing) -> standing.with(event.effectiveDate(), null));
    }
}

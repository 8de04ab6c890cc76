package vn.partyledger.domain.timeline;

import java.time.LocalDate;
import java.util.List;

/**
 * The difference between a member's states at the end of {@code from} and of {@code to}: each field that differs,
 * and the entries whose business dates fall after {@code from} up to {@code to}.
 */
public record MemberChanges(String memberId, LocalDate from, LocalDate to, List<Change> changes,
                            List<TimelineEntry> entries) {

    /** A field of {@link MemberState} with its value on each date, as text; null where it was not set. */
    public record Change(String field, String before, String after) {
    }
}

package vn.partyledger.domain.timeline;

import vn.partyledger.domain.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One entry of a member's stream with its envelope (domain.md §17.2). {@code actor} is null for an entry no user
 * recorded; {@code decision} is the decision document as the metadata stores it, null where none was named;
 * {@code revision} is the revision the payload is shown in, after any upcasting. {@code corrects} is the event id of
 * the entry a correction annuls or re-dates, {@code correctedBy} the ids of the corrections applying to this entry.
 * {@code payload} is the event as stored, every sealed personal fact in it shown as {@link #WITHHELD}.
 */
public record TimelineEntry(long sequenceNumber,
                            String eventId,
                            String eventType,
                            String revision,
                            LocalDate businessDate,
                            Instant recordedAt,
                            Actor actor,
                            Map<String, Object> decision,
                            String ruleSetId,
                            String corrects,
                            List<String> correctedBy,
                            Map<String, Object> payload) {

    /** What a timeline shows in place of a sealed fact: it never opens a person's key (ADR 0023). */
    public static final String WITHHELD = "WITHHELD";
}

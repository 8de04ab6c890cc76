package vn.partyledger.query.timeline;

import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.timeline.TimelineEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A member's stream read from the log, in stream order, with each correction (I30) linked to the entry it corrects.
 * Corrections fix the record rather than the world, so they count whatever their own date: an annulled entry never
 * happened, and a re-dated one took effect on its corrected date (ADR 0030).
 */
final class MemberHistory {

    private final String memberId;
    private final List<RecordedEntry> entries;
    private final Map<String, List<RecordedEntry>> corrections = new HashMap<>();

    MemberHistory(String memberId, List<RecordedEntry> entries) {
        this.memberId = memberId;
        this.entries = List.copyOf(entries);
        entries.forEach(entry -> correctedEventId(entry).ifPresent(corrected ->
                corrections.computeIfAbsent(corrected, id -> new ArrayList<>()).add(entry)));
    }

    String memberId() {
        return memberId;
    }

    List<RecordedEntry> entries() {
        return entries;
    }

    /** The id of the entry {@code entry} corrects, when it is a correction. */
    static Optional<String> correctedEventId(RecordedEntry entry) {
        if (entry.payload() instanceof EntryAnnulled annulled) {
            return Optional.of(annulled.annulledEventId());
        }
        if (entry.payload() instanceof EntryDateCorrected corrected) {
            return Optional.of(corrected.correctedEventId());
        }
        return Optional.empty();
    }

    List<RecordedEntry> correctionsOf(RecordedEntry entry) {
        return corrections.getOrDefault(entry.eventId(), List.of());
    }

    boolean annulled(RecordedEntry entry) {
        return correctionsOf(entry).stream().anyMatch(correction -> correction.payload() instanceof EntryAnnulled);
    }

    /** The date the last date correction of the entry gave it, if it was re-dated. */
    Optional<LocalDate> correctedDate(RecordedEntry entry) {
        return correctionsOf(entry).stream()
                .filter(correction -> correction.payload() instanceof EntryDateCorrected)
                .map(correction -> ((EntryDateCorrected) correction.payload()).correctedDate())
                .reduce((earlier, later) -> later);
    }

    /** The business date the entry took effect on: its corrected date, or the date it was recorded with. */
    LocalDate effectiveDate(RecordedEntry entry) {
        return correctedDate(entry).orElse(entry.businessDate());
    }

    /** The entries, in stream order, whose recorded business date is one {@code dated} accepts, as shown. */
    List<TimelineEntry> shown(Predicate<LocalDate> dated) {
        return entries.stream().filter(entry -> dated.test(entry.businessDate())).map(this::shown).toList();
    }

    private TimelineEntry shown(RecordedEntry entry) {
        Map<String, ?> metadata = entry.metadata();
        return new TimelineEntry(entry.sequenceNumber(), entry.eventId(), entry.eventType(), entry.revision(),
                entry.businessDate(), entry.recordedAt(), actor(metadata.get(MetadataKeys.ACTOR)),
                metadata.get(MetadataKeys.DECISION) instanceof Map<?, ?> decision ? textKeyed(decision) : null,
                metadata.get(MetadataKeys.RULE_SET) instanceof String ruleSet ? ruleSet : null,
                correctedEventId(entry).orElse(null),
                correctionsOf(entry).stream().map(RecordedEntry::eventId).toList(),
                PayloadAsRecorded.of(entry.payload()));
    }

    /** The actor as the metadata stores it; null for an entry no user recorded. */
    private static Actor actor(Object stored) {
        if (stored instanceof Map<?, ?> actor && actor.get("userId") instanceof String userId
                && actor.get("role") instanceof String role) {
            return new Actor(userId, role, actor.get("actingForOrgId") instanceof String org ? org : null);
        }
        return null;
    }

    private static Map<String, Object> textKeyed(Map<?, ?> stored) {
        Map<String, Object> map = new LinkedHashMap<>();
        stored.forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }
}

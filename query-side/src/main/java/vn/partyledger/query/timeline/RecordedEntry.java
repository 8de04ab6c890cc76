package vn.partyledger.query.timeline;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event of a member's stream as the log holds it: the payload (sealed facts still sealed) and its envelope.
 * {@code businessDate} falls back to the recording day in Vietnam for an entry whose metadata names none, so every
 * entry has a place on the business calendar.
 */
record RecordedEntry(long sequenceNumber, String eventId, Object payload, String revision, LocalDate businessDate,
                     Instant recordedAt, Map<String, ?> metadata) {

    static RecordedEntry of(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        Object businessDate = message.getMetaData().get(MetadataKeys.BUSINESS_DATE);
        return new RecordedEntry(message.getSequenceNumber(), message.getIdentifier(), payload,
                revision == null ? null : revision.value(),
                businessDate instanceof String date ? LocalDate.parse(date)
                        : LocalDate.ofInstant(message.getTimestamp(), Today.BUSINESS_ZONE),
                message.getTimestamp(), message.getMetaData());
    }

    String eventType() {
        return payload.getClass().getSimpleName();
    }
}

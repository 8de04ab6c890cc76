package vn.partyledger.infra.eventstore;

import org.bson.Document;

/**
 * An event exactly as the log stores it, every field its hash covers (docs/event-hash.md §3) in the form the hash is
 * computed from: the time as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, the payload and metadata as their canonical JSON
 * text. Whoever holds it recomputes {@code hash} without the database.
 */
public record StoredEvent(long position, int index, String eventIdentifier, String aggregateType,
                          String aggregateIdentifier, Long sequenceNumber, String timestamp, String payloadType,
                          String payloadRevision, String canonicalPayload, String canonicalMetaData,
                          String previousHash, String hash) {

    static StoredEvent of(Document event, long position, int index) {
        Number sequence = (Number) event.get(CommitDocument.SEQUENCE_NUMBER);
        return new StoredEvent(position, index, event.getString(CommitDocument.EVENT_IDENTIFIER),
                               event.getString(CommitDocument.AGGREGATE_TYPE),
                               event.getString(CommitDocument.AGGREGATE_IDENTIFIER),
                               sequence == null ? null : sequence.longValue(),
                               EventHash.time(event.getDate(CommitDocument.TIMESTAMP)),
                               event.getString(CommitDocument.PAYLOAD_TYPE),
                               event.getString(CommitDocument.PAYLOAD_REVISION),
                               BsonJson.canonicalJson(event.get(CommitDocument.PAYLOAD)),
                               BsonJson.canonicalJson(event.get(CommitDocument.META_DATA)),
                               event.getString(CommitDocument.PREVIOUS_HASH), event.getString(CommitDocument.HASH));
    }
}

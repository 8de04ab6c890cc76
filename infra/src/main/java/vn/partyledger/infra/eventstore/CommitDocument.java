package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The document shape of a commit (one append: its events, in order, written as one document, so they become
 * visible together or not at all) and of a tombstone (a position sealed because no writer filled it in time).
 * <pre>
 * { _id: 17, commitId, request, committedAt, timeHighWater, hash,
 *   events: [ { eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber, timestamp,
 *               payloadType, payloadRevision, payload, metaData, previousHash, hash }, … ] }
 * { _id: 18, tombstone: true, request: "sealed:18", sealedAt }
 * </pre>
 */
final class CommitDocument {

    static final String ID = "_id";
    static final String COMMIT_ID = "commitId";
    static final String REQUEST = "request";
    static final String COMMITTED_AT = "committedAt";
    static final String TIME_HIGH_WATER = "timeHighWater";
    static final String EVENTS = "events";
    static final String TOMBSTONE = "tombstone";
    static final String SEALED_AT = "sealedAt";

    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String PREVIOUS_HASH = "previousHash";
    static final String HASH = "hash";

    private CommitDocument() {
    }

    static Document commit(long position, String commitId, String requestKey, Date committedAt, Date timeHighWater,
                           List<OutgoingEvent> events) {
        List<Document> eventDocuments = new ArrayList<>(events.size());
        List<String> hashes = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            eventDocuments.add(event.document());
            hashes.add(event.hash());
        }
        return new Document(ID, position)
                .append(COMMIT_ID, commitId)
                .append(REQUEST, requestKey)
                .append(COMMITTED_AT, committedAt)
                .append(TIME_HIGH_WATER, timeHighWater)
                .append(EVENTS, eventDocuments)
                .append(HASH, EventHash.ofCommit(position, commitId, requestKey, committedAt, timeHighWater, hashes));
    }

    /**
     * The stored, unique {@code request} of a commit: the caller's idempotency key as {@code request:<key>}
     * ({@link #callerRequest}), or {@code commit:<position>} when the caller gave none. Tombstones hold
     * {@code sealed:<position>}. The three never meet, so no key a caller chooses can take a tombstone's request and
     * keep its position from being sealed. A generated key follows the position rather than being random, so the
     * unique index grows at its end, as the positions do, instead of rewriting a page somewhere in its middle on every
     * append (on the embedded store each append is its own copy-on-write commit).
     */
    static String request(String callerKey, long position) {
        return callerKey != null ? callerRequest(callerKey) : "commit:" + position;
    }

    static String callerRequest(String callerKey) {
        return "request:" + callerKey;
    }

    static Document tombstone(long position, Date sealedAt) {
        return new Document(ID, position)
                .append(TOMBSTONE, true)
                .append(REQUEST, "sealed:" + position)
                .append(SEALED_AT, sealedAt);
    }

    static long positionOf(Document commit) {
        return ((Number) commit.get(ID)).longValue();
    }

    static boolean isTombstone(Document commit) {
        return Boolean.TRUE.equals(commit.getBoolean(TOMBSTONE));
    }

    /** The commit's events; none for a tombstone, or for a commit read with none of the events asked for. */
    static List<Document> events(Document commit) {
        return isTombstone(commit) ? List.of() : commit.getList(EVENTS, Document.class, List.of());
    }

    /** The stored event as Axon's serialized event data; events outside an aggregate have no aggregate fields. */
    static StoredEventData eventData(Document event) {
        JsonNode payload = BsonJson.toJson(event.get(PAYLOAD));
        JsonNode metaData = BsonJson.toJson(event.get(META_DATA));
        Number sequence = (Number) event.get(SEQUENCE_NUMBER);
        return new StoredEventData(event.getString(AGGREGATE_TYPE), event.getString(AGGREGATE_IDENTIFIER),
                                   sequence == null ? 0 : sequence.longValue(), event.getString(EVENT_IDENTIFIER),
                                   event.getDate(TIMESTAMP).toInstant(), event.getString(PAYLOAD_TYPE),
                                   event.getString(PAYLOAD_REVISION), payload, metaData);
    }

    /** The event of the given aggregate and sequence number in the commit, or null. */
    static Document eventOf(Document commit, String aggregateIdentifier, long sequenceNumber) {
        for (Document event : events(commit)) {
            Number seq = (Number) event.get(SEQUENCE_NUMBER);
            if (seq != null && seq.longValue() == sequenceNumber
                    && aggregateIdentifier.equals(event.getString(AGGREGATE_IDENTIFIER))) {
                return event;
            }
        }
        return null;
    }
}

package vn.partyledger.infra.eventstore;

import org.bson.Document;

/**
 * An aggregate event's entry in {@value MongoLogStore#STREAMS}: its key {@code aggregateId/sequenceNumber} is the
 * per-aggregate concurrency check (two writers cannot both insert it), and it points at the commit that holds the
 * event. An entry is written before its commit, so it counts only once that commit is stored; an entry whose commit
 * position was sealed is void and may be replaced.
 */
final class StreamEntry {

    static final String ID = "_id";
    static final String POSITION = "position";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String HASH = "hash";

    private StreamEntry() {
    }

    static String key(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    static Document of(OutgoingEvent event, long position) {
        return new Document(ID, key(event.aggregateIdentifier(), event.sequenceNumber()))
                .append(POSITION, position)
                .append(EVENT_IDENTIFIER, event.eventIdentifier())
                .append(AGGREGATE_TYPE, event.aggregateType())
                .append(HASH, event.hash());
    }

    static long positionOf(Document entry) {
        return ((Number) entry.get(POSITION)).longValue();
    }
}

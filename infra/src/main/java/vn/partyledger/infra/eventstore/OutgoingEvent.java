package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Date;

/**
 * An event on its way into a commit: serialized once to BSON, then placed (position, index, previous hash), which
 * fixes its hash.
 */
final class OutgoingEvent {

    private final EventMessage<?> message;
    private final String aggregateType;
    private final String aggregateIdentifier;
    private final Long sequenceNumber;
    private final Date timestamp;
    private final String payloadType;
    private final String payloadRevision;
    private final Object payload;
    private final Object metaData;
    private String previousHash;
    private String hash;

    OutgoingEvent(EventMessage<?> message, Serializer serializer) {
        this.message = message;
        if (message instanceof DomainEventMessage<?> domainEvent) {
            this.aggregateType = domainEvent.getType();
            this.aggregateIdentifier = domainEvent.getAggregateIdentifier();
            this.sequenceNumber = domainEvent.getSequenceNumber();
        } else {
            this.aggregateType = null;
            this.aggregateIdentifier = null;
            this.sequenceNumber = null;
        }
        this.timestamp = Date.from(message.getTimestamp());
        SerializedObject<String> serializedPayload;
        JsonNode payloadTree;
        JsonNode metaDataTree;
        try {
            serializedPayload = message.serializePayload(serializer, String.class);
            payloadTree = BsonJson.parse(serializedPayload.getData());
            metaDataTree = BsonJson.parse(message.serializeMetaData(serializer, String.class).getData());
        } catch (RuntimeException e) {
            throw new EventStoreException("Event " + message.getIdentifier() + " could not be serialized to JSON; "
                                                  + "this engine needs a JSON serializer (Jackson)", e);
        }
        this.payloadType = serializedPayload.getType().getName();
        this.payloadRevision = serializedPayload.getType().getRevision();
        this.payload = BsonJson.toBson(payloadTree);
        Object meta = BsonJson.toBson(metaDataTree);
        this.metaData = meta == null ? new Document() : meta;
    }

    EventMessage<?> message() {
        return message;
    }

    boolean inAggregate() {
        return aggregateIdentifier != null;
    }

    String eventIdentifier() {
        return message.getIdentifier();
    }

    String aggregateType() {
        return aggregateType;
    }

    String aggregateIdentifier() {
        return aggregateIdentifier;
    }

    long sequenceNumber() {
        return sequenceNumber;
    }

    Date timestamp() {
        return timestamp;
    }

    String hash() {
        return hash;
    }

    /** Fixes the event's place in the log and so its hash. */
    void place(long position, int index, String previousHash) {
        this.previousHash = previousHash;
        this.hash = EventHash.ofEvent(position, index, eventIdentifier(), aggregateType, aggregateIdentifier,
                                      sequenceNumber, timestamp, payloadType, payloadRevision, payload, metaData,
                                      previousHash);
    }

    Document document() {
        return new Document(CommitDocument.EVENT_IDENTIFIER, eventIdentifier())
                .append(CommitDocument.AGGREGATE_TYPE, aggregateType)
                .append(CommitDocument.AGGREGATE_IDENTIFIER, aggregateIdentifier)
                .append(CommitDocument.SEQUENCE_NUMBER, sequenceNumber)
                .append(CommitDocument.TIMESTAMP, timestamp)
                .append(CommitDocument.PAYLOAD_TYPE, payloadType)
                .append(CommitDocument.PAYLOAD_REVISION, payloadRevision)
                .append(CommitDocument.PAYLOAD, payload)
                .append(CommitDocument.META_DATA, metaData)
                .append(CommitDocument.PREVIOUS_HASH, previousHash)
                .append(CommitDocument.HASH, hash);
    }
}

package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.time.Instant;

/**
 * An event or snapshot document as Axon's serialized event data. Payload and metadata are handed over as
 * {@link JsonNode} trees, which the Jackson serializer (and JSON upcasters) read directly.
 */
record StoredEventData(String type,
                       String aggregateIdentifier,
                       long sequenceNumber,
                       String eventIdentifier,
                       Instant timestamp,
                       String payloadType,
                       String payloadRevision,
                       JsonNode payload,
                       JsonNode metaData) implements DomainEventData<JsonNode> {

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return new SerializedMetaData<>(metaData, JsonNode.class);
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return new SimpleSerializedObject<>(payload, JsonNode.class,
                                            new SimpleSerializedType(payloadType, payloadRevision));
    }
}

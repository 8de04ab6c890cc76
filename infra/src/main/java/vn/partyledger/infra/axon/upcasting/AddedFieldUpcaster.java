package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an event stored before a field was added to it: the stored JSON payload gets the field with the value that
 * stands for "not recorded then", and the next revision. The stored document itself is never rewritten, so its hash
 * chain stays valid (ADR 0002, ADR 0014).
 */
abstract class AddedFieldUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType stored;
    private final SimpleSerializedType upcast;
    private final String field;
    private final JsonNode valueWhenAbsent;

    AddedFieldUpcaster(Class<?> eventType, String fromRevision, String toRevision, String field,
                       JsonNode valueWhenAbsent) {
        this.stored = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.upcast = new SimpleSerializedType(eventType.getName(), toRevision);
        this.field = field;
        this.valueWhenAbsent = valueWhenAbsent;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(stored);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcast, JsonNode.class, payload -> {
            ObjectNode upcastPayload = ((ObjectNode) payload).deepCopy();
            upcastPayload.set(field, valueWhenAbsent);
            return upcastPayload;
        });
    }
}

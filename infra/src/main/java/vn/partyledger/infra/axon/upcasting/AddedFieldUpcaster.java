package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Consumer;

/**
 * Reads an event stored before fields were added to it: the stored JSON payload gets the fields with the values that
 * stand for "not recorded then" (or follow from what was recorded), and the next revision. The stored document itself is never rewritten, so its hash
 * chain stays valid (ADR 0002, ADR 0014).
 */
abstract class AddedFieldUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType stored;
    private final SimpleSerializedType upcast;
    private final Consumer<ObjectNode> addFields;

    /** {@code addFields} sets the added fields on a copy of the stored payload; it may read the stored ones. */
    AddedFieldUpcaster(Class<?> eventType, String fromRevision, String toRevision, Consumer<ObjectNode> addFields) {
        this.stored = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.upcast = new SimpleSerializedType(eventType.getName(), toRevision);
        this.addFields = addFields;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(stored);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcast, JsonNode.class, payload -> {
            ObjectNode upcastPayload = ((ObjectNode) payload).deepCopy();
            addFields.accept(upcastPayload);
            return upcastPayload;
        });
    }
}

package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Consumer;

/**
 * Reads an event stored under an earlier revision as its current record: a copy of the stored JSON payload is brought
 * to the current shape — fields added with the values that stand for "not recorded then" (or follow from what was
 * recorded), a sensitive fact recorded in plain marked as such — and given the current revision. The stored document
 * itself is never rewritten, so its hash chain stays valid (ADR 0002, ADR 0014, ADR 0023).
 */
abstract class PayloadUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType stored;
    private final SimpleSerializedType upcast;
    private final Consumer<ObjectNode> reshape;

    /** {@code reshape} changes a copy of the stored payload; it may read the stored fields. */
    PayloadUpcaster(Class<?> eventType, String fromRevision, String toRevision, Consumer<ObjectNode> reshape) {
        this.stored = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.upcast = new SimpleSerializedType(eventType.getName(), toRevision);
        this.reshape = reshape;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(stored);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcast, JsonNode.class, payload -> {
            ObjectNode upcastPayload = ((ObjectNode) payload).deepCopy();
            reshape.accept(upcastPayload);
            return upcastPayload;
        });
    }
}

package vn.partyledger.infra.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.eventstore.StoredEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * An export as one JSON Lines file (docs/log-proofs.md §8): an {@code export} line (scope, checkpoint, key), one
 * {@code event} line per event with every field its hash covers and its inclusion proof, and an {@code end} line
 * whose count tells a file cut short. Payload and metadata are written as their canonical JSON text (docs/event-hash.md
 * §2), which is JSON: a verifier that keeps number literals as written recomputes each hash from the line alone.
 */
public final class JsonLinesExport implements ExportSink {

    public static final String FORMAT = "partyledger/export/v1";
    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;

    public JsonLinesExport(OutputStream out) {
        this.out = out;
    }

    @Override
    public void start(ExportHeader header) throws IOException {
        line(json -> {
            json.writeStringField("type", "export");
            json.writeStringField("format", FORMAT);
            json.writeObjectFieldStart("scope");
            json.writeStringField("kind", header.scope().kind());
            json.writeStringField("recordId", header.scope().recordId());
            date(json, "from", header.scope().from());
            date(json, "to", header.scope().to());
            json.writeEndObject();
            json.writeStringField("exportedAt", header.exportedAt().toString());
            json.writeObjectFieldStart("exportedBy");
            json.writeStringField("userId", header.exportedBy().userId());
            json.writeStringField("role", header.exportedBy().role());
            json.writeStringField("actingForOrgId", header.exportedBy().actingForOrgId());
            json.writeEndObject();
            Checkpoint checkpoint = header.checkpoint();
            json.writeObjectFieldStart("checkpoint");
            json.writeNumberField("treeSize", checkpoint.treeSize());
            json.writeStringField("rootHash", checkpoint.rootHash());
            json.writeNumberField("lastPosition", checkpoint.lastPosition());
            json.writeStringField("recordedAt", checkpoint.recordedAt().toString());
            json.writeStringField("signature", checkpoint.signature());
            json.writeEndObject();
            json.writeStringField("publicKey", header.publicKey());
            if (header.names() == null) {
                json.writeNullField("names");
            } else {
                json.writeObjectFieldStart("names");
                for (Map.Entry<String, String> name : header.names().entrySet()) {
                    json.writeStringField(name.getKey(), name.getValue());
                }
                json.writeEndObject();
            }
        });
    }

    @Override
    public void event(ExportedEvent event) throws IOException {
        StoredEvent stored = event.stored();
        line(json -> {
            json.writeStringField("type", "event");
            json.writeNumberField("position", stored.position());
            json.writeNumberField("index", stored.index());
            json.writeStringField("eventIdentifier", stored.eventIdentifier());
            json.writeStringField("aggregateType", stored.aggregateType());
            json.writeStringField("aggregateIdentifier", stored.aggregateIdentifier());
            if (stored.sequenceNumber() == null) {
                json.writeNullField("sequenceNumber");
            } else {
                json.writeNumberField("sequenceNumber", stored.sequenceNumber());
            }
            json.writeStringField("timestamp", stored.timestamp());
            json.writeStringField("payloadType", stored.payloadType());
            json.writeStringField("payloadRevision", stored.payloadRevision());
            json.writeFieldName("payload");
            json.writeRawValue(stored.canonicalPayload());
            json.writeFieldName("metaData");
            json.writeRawValue(stored.canonicalMetaData());
            json.writeStringField("previousHash", stored.previousHash());
            json.writeStringField("hash", stored.hash());
            json.writeStringField("businessDate", event.businessDate().toString());
            json.writeNumberField("leafIndex", event.leafIndex());
            json.writeArrayFieldStart("auditPath");
            for (String hash : event.auditPath()) {
                json.writeString(hash);
            }
            json.writeEndArray();
        });
    }

    @Override
    public void end(long events, long notYetCovered) throws IOException {
        line(json -> {
            json.writeStringField("type", "end");
            json.writeNumberField("events", events);
            json.writeNumberField("notYetCovered", notYetCovered);
        });
        out.flush();
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private void line(Fields fields) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void date(JsonGenerator json, String field, LocalDate date) throws IOException {
        json.writeStringField(field, date == null ? null : date.toString());
    }
}

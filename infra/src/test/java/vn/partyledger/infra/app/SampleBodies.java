package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.partyledger.infra.api.RecordId;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Well-typed request bodies for the POST operations of an OpenAPI document, generated from each operation's request
 * schema: every property filled (with the schema's example where it gives one), each record id chosen by the caller
 * from the property's name.
 */
final class SampleBodies {

    /** The person register's patterns: a fresh national ID each time, so no two samples claim the same one. */
    private static final String NATIONAL_ID = "[0-9]{12}";
    private static final String ETHNICITY = "0[1-9]|[1-4][0-9]|5[0-4]";
    private static final AtomicLong NATIONAL_IDS = new AtomicLong(990_000_000_000L);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SOME_DATE = "2020-01-02";

    private final JsonNode schemas;

    /** @param schemas the document's {@code components.schemas} */
    SampleBodies(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** The operation's request schema, resolved. */
    JsonNode bodySchema(JsonNode operation) {
        return resolve(operation.at("/requestBody/content/application~1json/schema"));
    }

    /** A body for the operation whose record ids are {@code idFor} the property's name (e.g. {@code memberId}). */
    ObjectNode of(JsonNode operation, UnaryOperator<String> idFor) {
        return (ObjectNode) sample(bodySchema(operation), "", idFor);
    }

    private JsonNode sample(JsonNode schema, String name, UnaryOperator<String> idFor) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> JSON.numberNode(least(schema));
            case "boolean" -> JSON.booleanNode(false);
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(sample(resolve(schema.path("items")), name, idFor));
                yield array;
            }
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                        sample(resolve(property.getValue()), property.getKey(), idFor)));
                yield object;
            }
            default -> schema.has("enum") ? schema.get("enum").get(0)
                    : "date".equals(schema.path("format").asText()) ? JSON.textNode(SOME_DATE)
                    : RecordId.PATTERN.equals(schema.path("pattern").asText()) ? JSON.textNode(idFor.apply(name))
                    : NATIONAL_ID.equals(schema.path("pattern").asText())
                    ? JSON.textNode(Long.toString(NATIONAL_IDS.incrementAndGet()))
                    : ETHNICITY.equals(schema.path("pattern").asText()) ? JSON.textNode("01")
                    : schema.has("pattern") ? JSON.textNode("OTHER")
                    : JSON.textNode("x");
        };
    }

    /** The least number the schema accepts: its minimum, or one above an exclusive one (either OpenAPI version). */
    private static int least(JsonNode schema) {
        JsonNode exclusive = schema.path("exclusiveMinimum");
        if (exclusive.isNumber()) {
            return exclusive.asInt() + 1;
        }
        return schema.path("minimum").asInt(1) + (exclusive.asBoolean(false) ? 1 : 0);
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asText();
            resolved = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return resolved;
    }
}

package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Malformed variants of the POST operations of an OpenAPI document, generated from each operation's request schema:
 * bodies that are not JSON or not the right shape, every field of the body mistyped in turn, ids of another kind of
 * record, unknown ids and ids of the wrong shape, garbage headers. Where a kind offers several variants, successive
 * operations and fields take the next one, so that every variant is sent while the run stays short.
 */
final class MalformedRequests {

    /** One request to send: what is wrong with it, where it goes (path already encoded), and what it carries. */
    record Request(String flaw, String path, String contentType, String body, Map<String, String> headers) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";

    /** A plausible value of each kind, referring to no record, so that a well-typed body still reaches the rules. */
    private static final String NO_RECORD = "no-such-record";

    private static final List<String> ODD_BODIES = List.of("", "not json", "{", "[]", "null", "42", "\"text\"",
            "{\"unexpected\": {\"deeply\": [1, 2]}}", "[".repeat(5_000) + "]".repeat(5_000));
    private static final List<String> ODD_IDS = List.of("x".repeat(65), "bad%20id", "-leading-hyphen",
            "%C3%BCnicode", "semi%3Bcolon", "a%2Fb", "%2E%2E", "tab%09id");
    private static final List<Map<String, String>> ODD_HEADERS = List.of(
            Map.of("If-Match", "\"0\""), // well formed but stale: every record of the test is past version 0
            Map.of("If-Match", "\"abc\""),
            Map.of("If-Match", "W/\"-1\""),
            Map.of("If-Match", "\"99999999999999999999\""),
            Map.of("Idempotency-Key", ""),
            Map.of("Idempotency-Key", "has space"),
            Map.of("Idempotency-Key", "k".repeat(129)),
            Map.of("X-Correlation-Id", "c".repeat(200)));

    private static final List<JsonNode> NOT_TEXT = List.of(object(), array(JSON.textNode("x")),
            JSON.textNode("x".repeat(100_001)), JSON.numberNode(123));
    private static final List<JsonNode> NOT_ID = List.of(JSON.textNode("not an id!"),
            JSON.textNode("x".repeat(65)), object());
    private static final List<JsonNode> NOT_ENUM = List.of(JSON.textNode("NOT_A_VALUE"), JSON.numberNode(0),
            JSON.textNode(""));
    private static final List<JsonNode> NOT_DATE = List.of(JSON.textNode("2025-02-30"), JSON.textNode("not-a-date"),
            JSON.numberNode(20250101), JSON.textNode("+999999999-12-31"), JSON.textNode("2025-13-01"));
    private static final List<JsonNode> NOT_INTEGER = List.of(JSON.textNode("abc"), JSON.textNode("12"),
            JSON.numberNode(99_999_999_999L), JSON.numberNode(1.5), object());
    private static final List<JsonNode> NOT_NUMBER = List.of(JSON.textNode("abc"), JSON.textNode("12"), object());
    private static final List<JsonNode> NOT_BOOLEAN = List.of(JSON.textNode("maybe"), JSON.textNode("true"),
            JSON.numberNode(1));
    private static final List<JsonNode> NOT_ARRAY = List.of(JSON.textNode("x"), object(), array(JSON.nullNode()));
    private static final List<JsonNode> NOT_OBJECT = List.of(JSON.textNode("x"), array(), object());

    private final SampleBodies bodies;
    private final Map<String, String> existingIdByResource;
    private final String unknownId;
    private int turn;

    /**
     * @param schemas              the document's {@code components.schemas}
     * @param existingIdByResource an existing record's id by the resource its commands go to ({@code members} …)
     * @param unknownId            a well-formed id that no record has
     */
    MalformedRequests(JsonNode schemas, Map<String, String> existingIdByResource, String unknownId) {
        this.bodies = new SampleBodies(schemas);
        this.existingIdByResource = existingIdByResource;
        this.unknownId = unknownId;
    }

    /** The malformed variants of one operation, e.g. {@code /api/v1/members/{memberId}/admit}. */
    List<Request> of(String pathTemplate, JsonNode operation) {
        String resource = pathTemplate.split("/")[3];
        String ownId = existingIdByResource.get(resource);
        JsonNode bodySchema = bodies.bodySchema(operation);
        ObjectNode plausible = bodies.of(operation, field -> NO_RECORD);
        List<Request> requests = new ArrayList<>();

        existingIdByResource.forEach((otherResource, otherId) -> {
            if (!otherResource.equals(resource)) {
                requests.add(json("id of a record in " + otherResource, at(pathTemplate, otherId), plausible));
            }
        });
        requests.add(json("unknown id", at(pathTemplate, unknownId), plausible));
        String oddId = next(ODD_IDS);
        requests.add(json("odd id " + oddId, at(pathTemplate, oddId), plausible));

        String oddBody = next(ODD_BODIES);
        requests.add(new Request("body " + abbreviate(oddBody), at(pathTemplate, ownId), JSON_TYPE, oddBody, Map.of()));
        requests.add(new Request("plain-text body", at(pathTemplate, ownId), "text/plain", plausible.toString(),
                Map.of()));
        Map<String, String> oddHeader = next(ODD_HEADERS);
        requests.add(new Request("header " + abbreviate(oddHeader.toString()), at(pathTemplate, ownId), JSON_TYPE,
                plausible.toString(), oddHeader));

        mistypeEachField(plausible, bodySchema, "", plausible, at(pathTemplate, ownId), requests);
        return requests;
    }

    /** For each property of {@code schema} (recursively into objects), the whole body with that one value wrong. */
    private void mistypeEachField(ObjectNode body, JsonNode schema, String prefix, ObjectNode holder, String path,
                                  List<Request> requests) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            JsonNode fieldSchema = bodies.resolve(property.getValue());
            JsonNode original = holder.get(name);
            List<JsonNode> variants = wrongValues(fieldSchema);
            JsonNode wrong = next(required.contains(name) ? orNull(variants) : variants);
            holder.set(name, wrong);
            requests.add(json(prefix + name + " = " + abbreviate(wrong.toString()), path, body));
            holder.set(name, original);
            if (original instanceof ObjectNode nested) {
                mistypeEachField(body, fieldSchema, prefix + name + ".", nested, path, requests);
            }
        });
    }

    private List<JsonNode> wrongValues(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "integer" -> NOT_INTEGER;
            case "number" -> NOT_NUMBER;
            case "boolean" -> NOT_BOOLEAN;
            case "array" -> NOT_ARRAY;
            case "object" -> NOT_OBJECT;
            default -> schema.has("enum") ? NOT_ENUM
                    : "date".equals(schema.path("format").asText()) ? NOT_DATE
                    : schema.has("pattern") ? NOT_ID
                    : NOT_TEXT;
        };
    }

    /** A required field may also be sent null. */
    private static List<JsonNode> orNull(List<JsonNode> wrongValues) {
        List<JsonNode> variants = new ArrayList<>(wrongValues);
        variants.add(JSON.nullNode());
        return variants;
    }

    private <T> T next(List<T> variants) {
        return variants.get(turn++ % variants.size());
    }

    private static Request json(String flaw, String path, JsonNode body) {
        return new Request(flaw, path, JSON_TYPE, body.toString(), Map.of());
    }

    private static String at(String pathTemplate, String encodedId) {
        return pathTemplate.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(encodedId));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }

    private static ObjectNode object() {
        return JSON.objectNode().put("unexpected", 1);
    }

    private static ArrayNode array(JsonNode... items) {
        ArrayNode array = JSON.arrayNode();
        for (JsonNode item : items) {
            array.add(item);
        }
        return array;
    }
}

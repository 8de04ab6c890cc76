package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between Jackson trees and BSON values without going through text, so that numbers keep their type
 * (int, long, double, decimal) and a payload read back hashes exactly like the one written.
 * <p>
 * {@link #canonicalJson(Object)} is the hash input: keys sorted, no whitespace, numbers in their plain decimal
 * form. It is computed from the BSON value as stored, so writer and verifier see the same bytes.
 */
final class BsonJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Floats are read as exact decimals so that a BigDecimal payload field keeps every digit and its scale. */
    private static final ObjectMapper READER = JsonMapper.builder()
                                                         .nodeFactory(NODES)
                                                         .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                                         .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                                                         .build();

    private BsonJson() {
    }

    /** JSON text, as a JSON serializer wrote it, as a tree. */
    static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** A Jackson tree as a BSON value: an object becomes a {@link Document}, an array a {@link List}. */
    static Object toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                Document document = new Document();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    document.put(field.getKey(), toBson(field.getValue()));
                }
                return document;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toBson(element));
                }
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case BINARY:
                try {
                    return new Binary(node.binaryValue());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            case NUMBER:
                return number(node);
            default:
                // POJO nodes do not come out of a serializer's JSON output; keep their text rather than lose them.
                return node.asText();
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt() || node.isShort()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
                return value.longValue();
            }
            return new Decimal128(new BigDecimal(value));
        }
        if (node.isBigDecimal()) {
            // A plain double (0.1, 2.5E10) stays a BSON double; anything a double would round or re-scale
            // (1.50, 1.0000000000000000001) is kept exactly as a decimal.
            BigDecimal exact = node.decimalValue();
            double approximate = exact.doubleValue();
            if (Double.isFinite(approximate) && BigDecimal.valueOf(approximate).equals(exact)) {
                return approximate;
            }
            return new Decimal128(exact);
        }
        return node.doubleValue();
    }

    /** The inverse of {@link #toBson(JsonNode)}. */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                array.add(toJson(element));
            }
            return array;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Decimal128 d) {
            return NODES.numberNode(d.bigDecimalValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Binary b) {
            return NODES.binaryNode(b.getData());
        }
        if (value instanceof Date date) {
            return NODES.numberNode(date.getTime());
        }
        return NODES.textNode(String.valueOf(value));
    }

    /**
     * Deterministic JSON text of a BSON value: object keys sorted by UTF-16 code units, no insignificant whitespace,
     * numbers in plain notation (docs/event-hash.md states every rule, for an auditor's own implementation).
     */
    static String canonicalJson(Object value) {
        StringBuilder out = new StringBuilder(256);
        writeCanonical(value, out);
        return out.toString();
    }

    private static void writeCanonical(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(entry.getKey(), out);
                out.append(':');
                writeCanonical(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCanonical(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.append(d.isNaN() || d.isInfinite() ? "\"" + d + "\"" : BigDecimal.valueOf(d).toPlainString());
        } else if (value instanceof Decimal128 d) {
            out.append(d.isNaN() || d.isInfinite() ? "\"" + d + "\"" : d.bigDecimalValue().toPlainString());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Binary b) {
            writeString(Base64.getEncoder().encodeToString(b.getData()), out);
        } else if (value instanceof Date date) {
            out.append(date.getTime());
        } else {
            writeString(String.valueOf(value), out);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

package vn.partyledger.infra.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-aggregate hash chain. Each event's hash is the hex SHA-256 of its predecessor's hash and its own
 * identity and content, so changing, removing or reordering any stored event breaks every later link.
 * <p>
 * Input, fields joined by the unit separator U+001F, {@code null} written as the empty string:
 * {@code previousHash, eventIdentifier, aggregateIdentifier, sequenceNumber, payloadType, payloadRevision,
 * canonical payload JSON, canonical metadata JSON} (see {@link BsonJson#canonicalJson(Object)}).
 */
final class EventHash {

    private static final char SEPARATOR = '\u001F';
    private static final HexFormat HEX = HexFormat.of();

    private EventHash() {
    }

    static String compute(String previousHash, String eventIdentifier, String aggregateIdentifier,
                          long sequenceNumber, String payloadType, String payloadRevision,
                          Object payload, Object metaData) {
        StringBuilder input = new StringBuilder(512);
        append(input, previousHash);
        append(input, eventIdentifier);
        append(input, aggregateIdentifier);
        append(input, Long.toString(sequenceNumber));
        append(input, payloadType);
        append(input, payloadRevision);
        append(input, BsonJson.canonicalJson(payload));
        input.append(BsonJson.canonicalJson(metaData));
        return HEX.formatHex(sha256().digest(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder input, String field) {
        if (field != null) {
            input.append(field);
        }
        input.append(SEPARATOR);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}

package vn.partyledger.infra.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashes that make stored history tamper-evident, specified in docs/event-hash.md for auditors who re-implement
 * them in another language. Each hash is the lower-case hex SHA-256 of the UTF-8 bytes of one canonical JSON array
 * ({@link BsonJson#canonicalJson(Object)}):
 * <ul>
 *     <li>an event: {@code ["partyledger/event/v1", commit position, index in commit, event id, aggregate type,
 *     aggregate id, sequence number, timestamp, payload type, payload revision, payload, metadata, previous hash]},
 *     where the previous hash is that of the aggregate's event one sequence number lower ({@code null} for the first
 *     event of a stream and for events outside any aggregate);</li>
 *     <li>a commit: {@code ["partyledger/commit/v1", position, commit id, request key, committed at, time high-water,
 *     [event hashes in commit order]]}.</li>
 * </ul>
 * Times are written as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, as stored (milliseconds).
 */
final class EventHash {

    static final String EVENT_TAG = "partyledger/event/v1";
    static final String COMMIT_TAG = "partyledger/commit/v1";

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                                                                   .withZone(ZoneOffset.UTC);

    private EventHash() {
    }

    static String ofEvent(long position, int index, String eventIdentifier, String aggregateType,
                          String aggregateIdentifier, Long sequenceNumber, Date timestamp, String payloadType,
                          String payloadRevision, Object payload, Object metaData, String previousHash) {
        return sha256(Arrays.asList(EVENT_TAG, position, index, eventIdentifier, aggregateType, aggregateIdentifier,
                                    sequenceNumber, time(timestamp), payloadType, payloadRevision, payload, metaData,
                                    previousHash));
    }

    static String ofCommit(long position, String commitId, String requestKey, Date committedAt, Date timeHighWater,
                           List<String> eventHashes) {
        return sha256(Arrays.asList(COMMIT_TAG, position, commitId, requestKey, time(committedAt),
                                    time(timeHighWater), eventHashes));
    }

    static String time(Date date) {
        return TIME.format(Instant.ofEpochMilli(date.getTime()));
    }

    private static String sha256(List<Object> fields) {
        byte[] input = BsonJson.canonicalJson(fields).getBytes(StandardCharsets.UTF_8);
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}

package vn.partyledger.infra.eventstore;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of docs/event-hash.md (also in docs/event-hash-vectors.json, recomputed by
 * docs/event-hash-check.js). Each hash is checked two ways: as {@link EventHash} computes it from the stored BSON
 * values, and from the canonical JSON text written out by hand here, following the rules of the document.
 */
class EventHashTest {

    static final String PLAIN_PAYLOAD_JSON = "\"hello\"";
    static final String RICH_PAYLOAD_JSON = "{\"name\":\"L\u00ea \\\"V\u0103n\\\" A\\\\ \\u00e9 \\ud83d\\ude00 tab\\tnl"
            + "\\ncr\\rctl\\u0001\\b\",\"count\":42,\"big\":9007199254740993,\"rate\":0.1,\"exact\":1.50,"
            + "\"huge\":123456789012345678901234567890,\"tiny\":1E-7,\"large\":2.5E10,\"ok\":true,\"none\":null,"
            + "\"nested\":{\"b\":[1,\"two\",{\"z\":false,\"a\":-3}],\"a\":{}},\"Zeta\":1,\"\u00e4\":2}";
    static final String RICH_META_JSON =
            "{\"requestId\":\"req-1\",\"actor\":{\"user\":\"secretary-01\",\"role\":\"BRANCH_SECRETARY\"}}";
    static final String PREVIOUS = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** Written by hand from the rules: keys sorted, no whitespace, plain numbers, minimal escaping. */
    static final String PLAIN_CANONICAL = "[\"partyledger/event/v1\",7,0,\"0e7c1a52-9d3b-4f6e-8a21-5b4c3d2e1f00\","
            + "null,null,null,\"2025-03-01T08:15:30.000Z\",\"java.lang.String\",null,\"hello\",{},null]";
    static final String RICH_CANONICAL = "[\"partyledger/event/v1\",7,1,\"5d1c8f6e-2b1a-4c3d-9e8f-0a1b2c3d4e5f\","
            + "\"Member\",\"member-42\",3,\"2025-03-01T08:15:30.123Z\",\"vn.partyledger.example.MemberRenamed\",\"2\","
            + "{\"Zeta\":1,\"big\":9007199254740993,\"count\":42,\"exact\":1.50,"
            + "\"huge\":123456789012345678901234567890,\"large\":25000000000,"
            + "\"name\":\"L\u00ea \\\"V\u0103n\\\" A\\\\ \u00e9 \uD83D\uDE00 tab\\tnl\\ncr\\rctl\\u0001\\u0008\","
            + "\"nested\":{\"a\":{},\"b\":[1,\"two\",{\"a\":-3,\"z\":false}]},\"none\":null,\"ok\":true,\"rate\":0.1,"
            + "\"tiny\":0.0000001,\"\u00e4\":2},"
            + "{\"actor\":{\"role\":\"BRANCH_SECRETARY\",\"user\":\"secretary-01\"},\"requestId\":\"req-1\"},"
            + "\"" + PREVIOUS + "\"]";

    static final String PLAIN_HASH = "b7412b401f55caef50b26d2d04ce2249bc50f2c276c8140129e822fc4a16c0f3";
    static final String RICH_HASH = "4a0cde60b6e39a02cc8e78f71d98eee3c3e0901e76f8155cfc88d351f23edef4";
    static final String COMMIT_HASH = "b2fc5b3a49555db596896864b29012a11325ce93db0b42d6c86fc6e6e5b6567b";

    static String commitCanonical(String first, String second) {
        return "[\"partyledger/commit/v1\",7,\"c0ffee00-0000-4000-8000-000000000007\",\"req-1\","
                + "\"2025-03-01T08:15:30.456Z\",\"2025-03-01T08:15:30.123Z\",[\"" + first + "\",\"" + second + "\"]]";
    }

    private static Object bson(String json) {
        return BsonJson.toBson(BsonJson.parse(json));
    }

    private static Date at(String time) {
        return Date.from(Instant.parse(time));
    }

    private static String plainHash() {
        return EventHash.ofEvent(7, 0, "0e7c1a52-9d3b-4f6e-8a21-5b4c3d2e1f00", null, null, null,
                                 at("2025-03-01T08:15:30Z"), "java.lang.String", null, bson(PLAIN_PAYLOAD_JSON),
                                 bson("{}"), null);
    }

    private static String richHash() {
        return EventHash.ofEvent(7, 1, "5d1c8f6e-2b1a-4c3d-9e8f-0a1b2c3d4e5f", "Member", "member-42", 3L,
                                 at("2025-03-01T08:15:30.123Z"), "vn.partyledger.example.MemberRenamed", "2",
                                 bson(RICH_PAYLOAD_JSON), bson(RICH_META_JSON), PREVIOUS);
    }

    private static String commitHash(List<String> eventHashes) {
        return EventHash.ofCommit(7, "c0ffee00-0000-4000-8000-000000000007", "req-1",
                                  at("2025-03-01T08:15:30.456Z"), at("2025-03-01T08:15:30.123Z"), eventHashes);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                     .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theEventVectorsHashAsDocumented() throws Exception {
        assertThat(plainHash()).isEqualTo(PLAIN_HASH);
        assertThat(richHash()).isEqualTo(RICH_HASH);
        assertThat(sha256(PLAIN_CANONICAL)).isEqualTo(PLAIN_HASH);
        assertThat(sha256(RICH_CANONICAL)).isEqualTo(RICH_HASH);
    }

    @Test
    void theCommitVectorHashesAsDocumented() throws Exception {
        assertThat(commitHash(List.of(PLAIN_HASH, RICH_HASH))).isEqualTo(COMMIT_HASH);
        assertThat(sha256(commitCanonical(PLAIN_HASH, RICH_HASH))).isEqualTo(COMMIT_HASH);
    }

    @Test
    void theCanonicalTextIsExactlyTheHandWrittenOne() {
        List<Object> rich = Arrays.asList(EventHash.EVENT_TAG, 7L, 1, "5d1c8f6e-2b1a-4c3d-9e8f-0a1b2c3d4e5f",
                                          "Member", "member-42", 3L, "2025-03-01T08:15:30.123Z",
                                          "vn.partyledger.example.MemberRenamed", "2", bson(RICH_PAYLOAD_JSON),
                                          bson(RICH_META_JSON), PREVIOUS);
        assertThat(BsonJson.canonicalJson(rich)).isEqualTo(RICH_CANONICAL);
        assertThat(EventHash.time(at("2025-03-01T08:15:30Z"))).isEqualTo("2025-03-01T08:15:30.000Z");
    }

    /** Values a payload does not get from JSON text but that the canonical form still defines. */
    @Test
    void otherBsonValuesHaveADefinedCanonicalForm() {
        Document values = new Document("date", new Date(1_700_000_000_123L))
                .append("binary", new Binary(new byte[]{0, 1, (byte) 0xfe, (byte) 0xff}))
                .append("nan", Double.NaN)
                .append("infinity", Double.NEGATIVE_INFINITY)
                .append("decimalNaN", Decimal128.NaN)
                .append("double", 1.0E-7)
                .append("long", Long.MIN_VALUE)
                .append("decimal", new Decimal128(new BigDecimal("-1.2300E+5")))
                .append("unicode", "\u2028\u007f\u00ff\u001f");
        assertThat(BsonJson.canonicalJson(values)).isEqualTo(
                "{\"binary\":\"AAH+/w==\",\"date\":1700000000123,\"decimal\":-123000,\"decimalNaN\":\"NaN\","
                        + "\"double\":0.00000010,\"infinity\":\"-Infinity\",\"long\":-9223372036854775808,"
                        + "\"nan\":\"NaN\",\"unicode\":\"\u2028\u007f\u00ff\\u001f\"}");
    }
}

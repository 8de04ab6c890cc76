package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.junit.jupiter.api.Test;

/** Documents and keys go through the store's types unchanged, and keys compare as the unique index matches them. */
class BsonStoreTypesTest {

    @Test
    void everyBsonTypeTheServerStoresRoundTripsThroughTheStoredDocumentType() {
        Document nested = new Document("name", "Phước Mỹ").append("members", 22).append("inner",
                new Document("deep", List.of(1L, "two", new Document("three", 3.0))));
        Document document = new Document("_id", new ObjectId())
                .append("int", 42)
                .append("long", 9_007_199_254_740_993L)
                .append("double", -0.5)
                .append("decimal", new Decimal128(new BigDecimal("12345.678900")))
                .append("string", "Đà Nẵng")
                .append("true", true)
                .append("null", null)
                .append("date", Instant.ofEpochMilli(1_764_460_800_123L))
                .append("binary", new BinData(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("timestamp", new BsonTimestamp(1_764_460_800L << 32 | 7))
                .append("regex", new BsonRegularExpression("^Ph", "i"))
                .append("code", new BsonJavaScript("function() { return 1; }"))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("array", new ArrayList<>(Arrays.asList(1, null, "x", List.of(), new Document())))
                .append("document", nested)
                .append("empty", new Document());

        StoredDocument stored = StoredDocument.of(document);
        StoredDocument readBack = roundTrip(StoredDocumentType.INSTANCE, stored);
        Document read = readBack.document();

        assertThat(written(readBack)).as("kept as read, written back unchanged").isEqualTo(written(stored));
        assertThat(readBack.size()).isEqualTo(written(stored).length);

        assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
        assertThat(read.remove("regex").toString()).isEqualTo(document.remove("regex").toString()); // has no equals
        assertThat(read).isEqualTo(document);
        assertThat(read.get("long")).isInstanceOf(Long.class);
        assertThat(read.get("int")).isInstanceOf(Integer.class);
    }

    @Test
    void aStoredDocumentIsWeighedFromItsBytesAsItsDecodedValuesWouldBe() {
        Document ascii = new Document("_id", new ObjectId()).append("int", 42).append("long", 7L).append("double", 0.5)
                .append("decimal", new Decimal128(new BigDecimal("1.5"))).append("string", "Da Nang").append("true", true)
                .append("null", null).append("date", Instant.ofEpochMilli(1L)).append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("binary", new BinData(new byte[] {1, 2, 3})).append("timestamp", new BsonTimestamp(9))
                .append("regex", new BsonRegularExpression("^a", "i")).append("code", new BsonJavaScript("x()"))
                .append("min", MinKey.getInstance()).append("max", MaxKey.getInstance())
                .append("array", Arrays.asList(1, null, "x", List.of("y"), new Document("z", 1)))
                .append("document", new Document("inner", new Document("deep", List.of()))).append("empty", new Document());

        assertThat(BsonValues.estimateEncoded(BsonValues.encodeDocument(ascii))).isEqualTo(BsonValues.estimate(ascii));
        String name = "Phước Mỹ";
        Document vietnamese = new Document("name", name);
        assertThat(BsonValues.estimateEncoded(BsonValues.encodeDocument(vietnamese)))
                .as("a string counted in bytes of UTF-8")
                .isEqualTo(BsonValues.estimate(vietnamese) + name.getBytes(StandardCharsets.UTF_8).length - name.length());
    }

    @Test
    void eachReaderOfAStoredDocumentGetsItsOwnCopyAndChangingItChangesNothingStored() {
        StoredDocument stored = roundTrip(StoredDocumentType.INSTANCE,
                StoredDocument.of(new Document("_id", "b-1/m-1").append("periods", new ArrayList<>(List.of("FULL")))));
        byte[] before = written(stored);

        Document first = stored.document();
        first.put("name", "changed");
        @SuppressWarnings("unchecked")
        List<String> periods = (List<String>) first.get("periods");
        periods.add("EXPELLED");

        assertThat(stored.document()).isNotSameAs(first)
                .isEqualTo(new Document("_id", "b-1/m-1").append("periods", List.of("FULL")));
        assertThat(written(stored)).isEqualTo(before);
    }

    @Test
    void positionsRoundTripIncludingTheMissingIdOfADocumentWhoseIdIsNull() {
        for (Object position : List.of(Missing.getInstance(), "m-1", 7, 7L, 2.5, new ObjectId(), UUID.randomUUID(),
                new Document("branch", "b-1").append("n", 3))) {
            assertThat(roundTrip(PositionType.INSTANCE, position)).isEqualTo(position);
        }
    }

    @Test
    void stringsAndLongsAreWrittenWithTheBytesOfTheServersOwnCodec() {
        for (Object value : List.of("m-1", "", "tổ-1/đảng viên ✓", "a\u0000b", 0L, -1L, 7L, Long.MIN_VALUE,
                Long.MAX_VALUE, 1L << 40, 7, 2.5)) {
            WriteBuffer out = new WriteBuffer();
            BsonValues.writeValue(out, value);
            ByteBuffer bytes = out.getBuffer().flip();
            byte[] written = new byte[bytes.remaining()];
            bytes.get(written);
            ByteBuf codec = Unpooled.buffer();
            byte type = BsonEncoder.determineType(value);
            codec.writeByte(type);
            BsonEncoder.encodeValue(type, value, codec);
            assertThat(written).as("%s", value).isEqualTo(ByteBufUtil.getBytes(codec));
        }
    }

    @Test
    void indexKeysRoundTrip() {
        KeyValue key = new KeyValue("b-1", null, 3.0, new Document("a", List.of(1.0, "x")));
        assertThat(roundTrip(KeyValueType.INSTANCE, key)).isEqualTo(key);
    }

    @Test
    void aValueTheCodecCannotWriteIsRefusedWhenPutNotWhenCommitted() {
        assertThatThrownBy(() -> StoredDocument.of(new Document("ratio", 0.5f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Float");
        assertThat(StoredDocumentType.INSTANCE.isMemoryEstimationAllowed()).isFalse();
    }

    @Test
    void numbersThatMongoTakesForOneKeyCompareEqualWhateverTheirJavaType() {
        assertThat(KeyOrder.INSTANCE.compare(1, 1L)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(1L, 1.0)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(-0.0, 0)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(new Decimal128(new BigDecimal("2.50")), 2.5)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(Double.NaN, Double.NaN)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(null, Missing.getInstance())).isZero();
        // 2^53 + 1 has no double of its own: it differs from the double nearest to it
        assertThat(KeyOrder.INSTANCE.compare(9_007_199_254_740_993L, 9_007_199_254_740_992.0)).isPositive();
        assertThat(KeyOrder.INSTANCE.compare(-9_007_199_254_740_993L, -9_007_199_254_740_992.0)).isNegative();
        assertThat(KeyOrder.INSTANCE.compare(9_007_199_254_740_992L, 9_007_199_254_740_992.0)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(Long.MIN_VALUE, -9.223372036854775807E18)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(Long.MAX_VALUE, 9.223372036854775807E18)).as("2^63 - 1 against 2^63")
                .isNegative();
        // a commit's long id against the double a query's id is normalized to
        assertThat(KeyOrder.INSTANCE.compare(17L, 17.0)).isZero();
        assertThat(KeyOrder.INSTANCE.compare(17L, 17.5)).isNegative();
        assertThat(KeyOrder.INSTANCE.compare(18.0, 17L)).isPositive();
        assertThat(KeyOrder.INSTANCE.compare(17L, Double.NaN)).isPositive();
        assertThat(KeyOrder.INSTANCE.compare(17L, Double.POSITIVE_INFINITY)).isNegative();
        assertThat(KeyOrder.INSTANCE.compare(new Document("a", 1).append("b", 2), new Document("b", 2).append("a", 1)))
                .as("fields in another order are another document, as Document.equals says").isNotZero();
    }

    @Test
    void theOrderIsTotalAndAgreesWithTheEqualityOfNormalizedKeys() {
        List<Object> values = Arrays.asList(null, Missing.getInstance(), MinKey.getInstance(), MaxKey.getInstance(),
                1, 1L, 1.0, 2, -0.0, 0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                9_007_199_254_740_993L, 9_007_199_254_740_992.0, new Decimal128(new BigDecimal("1.0")),
                "", "a", "b", "ab", new Document(), new Document("a", 1), new Document("a", 1.0),
                new Document("a", 1).append("b", null), new Document("b", 1), List.of(), List.of(1), List.of(1, 2),
                Arrays.asList(1.0, null), true, false, Instant.ofEpochMilli(0), Instant.ofEpochMilli(1),
                new BinData(new byte[] {1}), new BinData(new byte[] {1, 2}), new ObjectId(), new ObjectId(),
                UUID.randomUUID(), new BsonTimestamp(5), new BsonRegularExpression("a", ""),
                new BsonJavaScript("x"));
        List<KeyValue> keys = new ArrayList<>();
        for (Object a : values) {
            keys.add(new KeyValue(a));
            for (Object b : values.subList(0, 12)) {
                keys.add(new KeyValue(a, b));
            }
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = KeyValueType.INSTANCE.compare(a, b);
                assertThat(Integer.signum(ab)).as("%s vs %s", a, b)
                        .isEqualTo(-Integer.signum(KeyValueType.INSTANCE.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.normalized().equals(b.normalized()));
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(KeyValueType.INSTANCE::compare); // TimSort notices most inconsistent orders
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(KeyValueType.INSTANCE.compare(sorted.get(i - 1), sorted.get(i))).isNotPositive();
        }
    }

    private static byte[] written(StoredDocument document) {
        WriteBuffer out = new WriteBuffer();
        StoredDocumentType.INSTANCE.write(out, document);
        ByteBuffer bytes = out.getBuffer().flip();
        byte[] written = new byte[bytes.remaining()];
        bytes.get(written);
        return written;
    }

    private static <T> T roundTrip(DataType<T> type, T value) {
        WriteBuffer out = new WriteBuffer();
        out.put((byte) 0x5a); // not at the start of the buffer, as in a page
        type.write(out, value);
        out.put((byte) 0x5b);
        ByteBuffer in = out.getBuffer().flip();
        in.get();
        T read = type.read(in);
        assertThat(in.get()).as("the value was read to its last byte").isEqualTo((byte) 0x5b);
        return read;
    }
}

package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

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
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;

/**
 * Documents and single values in the store file as BSON, written and read by mongo-java-server's own wire codec, so
 * the store keeps exactly the types the server receives and answers with.
 *
 * <p>A single value (a document id, an index entry's position, each part of an index key) is its BSON type byte and
 * its BSON value; the type byte 0, which BSON uses only to end a document, stands for mongo-java-server's missing
 * value (the position of a document whose id is null).
 */
final class BsonValues {

    private static final byte MISSING = 0;
    /** Encoding goes through a netty buffer; one per thread, reused from value to value. */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonValues() {
    }

    static byte[] encodeDocument(Document document) {
        ByteBuf scratch = scratch();
        BsonEncoder.encodeDocument(document, scratch);
        byte[] bson = new byte[scratch.readableBytes()];
        scratch.readBytes(bson);
        return bson;
    }

    static Document readDocument(ByteBuffer in) {
        ByteBuf bytes = Unpooled.wrappedBuffer(in);
        Document document = BsonDecoder.decodeBson(bytes);
        in.position(in.position() + bytes.readerIndex());
        return document;
    }

    static void writeValue(WriteBuffer out, Object value) {
        if (value instanceof Missing) {
            out.put(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        ByteBuf scratch = scratch();
        BsonEncoder.encodeValue(type, value, scratch);
        out.put(type).put(scratch.nioBuffer());
    }

    static Object readValue(ByteBuffer in) {
        byte type = in.get();
        if (type == MISSING) {
            return Missing.getInstance();
        }
        ByteBuf bytes = Unpooled.wrappedBuffer(in);
        Object value = BsonDecoder.decodeValue(type, bytes);
        in.position(in.position() + bytes.readerIndex());
        return value;
    }

    /**
     * About the bytes {@code value} takes on the heap, for H2's cache and page sizes. It visits every value the codec
     * would write and refuses one it cannot: a write of such a value fails when it is applied, not when the group
     * commit stores the page, where it would stop every write until a restart.
     */
    static int estimate(Object value) {
        if (value == null || value instanceof Missing || value instanceof Boolean || value instanceof MinKey
                || value instanceof MaxKey) {
            return 8;
        }
        if (value instanceof Number) {
            if (value instanceof Integer || value instanceof Long || value instanceof Double) {
                return 24;
            }
            if (value instanceof Decimal128) {
                return 32;
            }
        }
        if (value instanceof String s) {
            return 48 + s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        if (value instanceof ObjectId || value instanceof UUID || value instanceof LegacyUUID) {
            return 40;
        }
        if (value instanceof Instant || value instanceof BsonTimestamp) {
            return 24;
        }
        if (value instanceof BsonRegularExpression regex) {
            return 32 + estimate(regex.getPattern()) + estimate(regex.getOptions());
        }
        if (value instanceof BsonJavaScript code) {
            return 16 + estimate(code.getCode());
        }
        throw new IllegalArgumentException("The store cannot keep a value of type " + value.getClass().getName());
    }

    private static ByteBuf scratch() {
        ByteBuf scratch = SCRATCH.get();
        scratch.clear();
        return scratch;
    }
}

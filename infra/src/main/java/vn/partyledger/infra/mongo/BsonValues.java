package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import de.bwaldvogel.mongo.wire.BsonConstants;
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

    /**
     * Writes a string or a 64-bit integer (the ids of the read models and of the log's commits) itself, with the bytes
     * the codec writes: a commit writes every key of every page it stores, and the codec's way, through a netty buffer
     * of the thread's, was most of the work of a commit (ADR 0063).
     */
    static void writeValue(WriteBuffer out, Object value) {
        if (value instanceof Missing) {
            out.put(MISSING);
            return;
        }
        if (value instanceof String string) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            out.put(BsonConstants.TYPE_UTF8_STRING);
            putLittleEndian(out, utf8.length + 1, Integer.BYTES);
            out.put(utf8).put(BsonConstants.STRING_TERMINATION);
            return;
        }
        if (value instanceof Long number) {
            out.put(BsonConstants.TYPE_INT64);
            putLittleEndian(out, number, Long.BYTES);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        ByteBuf scratch = scratch();
        BsonEncoder.encodeValue(type, value, scratch);
        out.put(type).put(scratch.nioBuffer());
    }

    /** BSON's numbers are little-endian, whatever the order of H2's buffer. */
    private static void putLittleEndian(WriteBuffer out, long value, int bytes) {
        for (int shift = 0; shift < bytes * Byte.SIZE; shift += Byte.SIZE) {
            out.put((byte) (value >>> shift));
        }
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

    /**
     * {@link #estimate} of the document {@code bson} encodes, worked out from its bytes without decoding it; a
     * string's length counted in bytes of UTF-8 rather than characters, as the bytes give it.
     *
     * @throws IllegalArgumentException when it holds a type the server's decoder does not read
     */
    static int estimateEncoded(byte[] bson) {
        return new EncodedEstimate(bson).document();
    }

    /** Walks the bytes of one document as {@link #estimate} walks its values. */
    private static final class EncodedEstimate {
        private final byte[] bson;
        private int at;

        private EncodedEstimate(byte[] bson) {
            this.bson = bson;
        }

        private int document() {
            int size = 64;
            at += Integer.BYTES;
            while (bson[at] != BsonConstants.TERMINATING_BYTE) {
                byte type = bson[at++];
                size += 40 + 48 + skipName() + value(type);
            }
            at++;
            return size;
        }

        /** An array is a document whose names are its indexes; {@link #estimate} counts its elements alone. */
        private int array() {
            int size = 40;
            at += Integer.BYTES;
            while (bson[at] != BsonConstants.TERMINATING_BYTE) {
                byte type = bson[at++];
                skipName();
                size += 8 + value(type);
            }
            at++;
            return size;
        }

        private int value(byte type) {
            return switch (type) {
                case BsonConstants.TYPE_NULL, BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_MIN_KEY,
                        BsonConstants.TYPE_MAX_KEY -> 8;
                case BsonConstants.TYPE_BOOLEAN -> skip(1, 8);
                case BsonConstants.TYPE_INT32 -> skip(Integer.BYTES, 24);
                case BsonConstants.TYPE_INT64, BsonConstants.TYPE_DOUBLE, BsonConstants.TYPE_UTC_DATETIME,
                        BsonConstants.TYPE_TIMESTAMP -> skip(Long.BYTES, 24);
                case BsonConstants.TYPE_DECIMAL128 -> skip(2 * Long.BYTES, 32);
                case BsonConstants.TYPE_OBJECT_ID -> skip(BsonConstants.LENGTH_OBJECTID, 40);
                case BsonConstants.TYPE_UTF8_STRING -> 48 + skipString();
                case BsonConstants.TYPE_JAVASCRIPT_CODE -> 16 + 48 + skipString();
                case BsonConstants.TYPE_REGEX -> 32 + 48 + skipName() + 48 + skipName();
                case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> document();
                case BsonConstants.TYPE_ARRAY -> array();
                case BsonConstants.TYPE_DATA -> binary();
                default -> throw new IllegalArgumentException("The store cannot read a value of BSON type " + type);
            };
        }

        /** A UUID, old or new, is decoded as one; other binary data as its bytes. */
        private int binary() {
            int length = intAt(at);
            byte subtype = bson[at + Integer.BYTES];
            at += Integer.BYTES + 1 + length;
            return subtype == BsonConstants.BINARY_SUBTYPE_UUID || subtype == BsonConstants.BINARY_SUBTYPE_OLD_UUID
                    ? 40 : 32 + length;
        }

        private int skip(int bytes, int estimate) {
            at += bytes;
            return estimate;
        }

        /** Skips a string, its length first; how many bytes it has, without its terminating zero. */
        private int skipString() {
            int length = intAt(at);
            at += Integer.BYTES + length;
            return length - 1;
        }

        /** Skips a zero-terminated name; how many bytes it has. */
        private int skipName() {
            int start = at;
            while (bson[at] != BsonConstants.STRING_TERMINATION) {
                at++;
            }
            at++;
            return at - 1 - start;
        }

        private int intAt(int index) {
            return bson[index] & 0xff | (bson[index + 1] & 0xff) << 8 | (bson[index + 2] & 0xff) << 16
                    | (bson[index + 3] & 0xff) << 24;
        }
    }

    private static ByteBuf scratch() {
        ByteBuf scratch = SCRATCH.get();
        scratch.clear();
        return scratch;
    }
}

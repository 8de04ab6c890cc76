package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;

/**
 * A document of a collection as its BSON, encoded once when it is put (or kept as read from the file). H2 writes a
 * page whole whenever one of its entries changed: with the document alone, every commit encoded again every document
 * sharing a page with a changed one, some forty per change, under the lock that holds writes back (ADR 0059). The
 * document is decoded anew whenever the server asks for it, and not kept: H2's cache holds pages for seconds, and
 * decoded documents held that long (some thirty objects each) were what the young collections copied, for pauses of a
 * tenth of a second under reads (ADR 0060); an array of bytes is one object, and H2 reads a page whole to get, put or
 * move one of its entries, or to compact it, without looking into the others.
 */
final class StoredDocument {

    private final byte[] bson;
    /** Worked out once: H2 asks for it at every put and every page read. */
    private final int memory;

    private StoredDocument(byte[] bson) {
        this.bson = bson;
        this.memory = BsonValues.estimateEncoded(bson) + 16 + bson.length;
    }

    /**
     * The document as it is now, encoded; what the server changes in it later is not stored until it is put again.
     *
     * @throws IllegalArgumentException when it holds a value the codec cannot write
     */
    static StoredDocument of(Document document) {
        return new StoredDocument(BsonValues.encodeDocument(document));
    }

    /** Reads one document's bytes, to decode when asked and to write back unchanged. */
    static StoredDocument read(ByteBuffer in) {
        // BSON's length is little-endian, whatever the order of H2's buffer
        int length = in.order() == ByteOrder.LITTLE_ENDIAN ? in.getInt(in.position())
                                                            : Integer.reverseBytes(in.getInt(in.position()));
        byte[] bson = new byte[length];
        in.get(bson);
        return new StoredDocument(bson);
    }

    /** The document, decoded for this caller alone: what the caller changes in it changes nothing stored. */
    Document document() {
        return BsonValues.readDocument(ByteBuffer.wrap(bson));
    }

    /** The BSON size of the document, as the server counts a collection's data size. */
    int size() {
        return bson.length;
    }

    void writeTo(WriteBuffer out) {
        out.put(bson);
    }

    /**
     * The weight H2 gives it in its cache and when it splits a page: its BSON and the document as if decoded, as
     * before the document was left undecoded, so that pages hold as many documents as they did (ADR 0060).
     */
    int memory() {
        return memory;
    }
}

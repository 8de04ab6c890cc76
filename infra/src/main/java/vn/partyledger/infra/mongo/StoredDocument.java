package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;

/**
 * A document of a collection with its BSON, encoded once when it is put (or kept as read from the file). H2 writes a
 * page whole whenever one of its entries changed: with the document alone, every commit encoded again every document
 * sharing a page with a changed one, some forty per change, under the lock that holds writes back (ADR 0059).
 */
final class StoredDocument {

    private final Document document;
    private final byte[] bson;
    /** Worked out once: H2 asks for it at every put and every page read, and it visits every value. */
    private final int memory;

    private StoredDocument(Document document, byte[] bson, int estimate) {
        this.document = document;
        this.bson = bson;
        this.memory = estimate + 16 + bson.length;
    }

    /**
     * The document as it is now, encoded; what the server changes in it later is not stored until it is put again.
     *
     * @throws IllegalArgumentException when it holds a value the codec cannot write ({@link BsonValues#estimate})
     */
    static StoredDocument of(Document document) {
        int estimate = BsonValues.estimate(document);
        return new StoredDocument(document, BsonValues.encodeDocument(document), estimate);
    }

    /** Reads one document, and keeps its bytes to write them back unchanged. */
    static StoredDocument read(ByteBuffer in) {
        int start = in.position();
        Document document = BsonValues.readDocument(in);
        byte[] bson = new byte[in.position() - start];
        in.get(start, bson);
        return new StoredDocument(document, bson, BsonValues.estimate(document));
    }

    Document document() {
        return document;
    }

    /** The BSON size of the document, as the server counts a collection's data size. */
    int size() {
        return bson.length;
    }

    void writeTo(WriteBuffer out) {
        out.put(bson);
    }

    /** About the bytes it takes on the heap, for H2's cache: the document and its BSON. */
    int memory() {
        return memory;
    }
}

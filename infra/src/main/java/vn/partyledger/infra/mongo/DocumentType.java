package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** The stored documents of a collection, as BSON ({@link BsonValues}). */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    private DocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return BsonValues.estimate(document);
    }

    /** Every document put is measured, and so checked to be storable ({@link BsonValues#estimate}). */
    @Override
    public boolean isMemoryEstimationAllowed() {
        return false;
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        BsonValues.writeDocument(out, document);
    }

    @Override
    public Document read(ByteBuffer in) {
        return BsonValues.readDocument(in);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}

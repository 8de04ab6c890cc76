package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** The stored documents of a collection, as BSON ({@link BsonValues}), each written as it was encoded when put. */
final class StoredDocumentType extends BasicDataType<StoredDocument> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    private StoredDocumentType() {
    }

    @Override
    public int getMemory(StoredDocument document) {
        return document.memory();
    }

    /** Every document put is measured. */
    @Override
    public boolean isMemoryEstimationAllowed() {
        return false;
    }

    @Override
    public void write(WriteBuffer out, StoredDocument document) {
        document.writeTo(out);
    }

    @Override
    public StoredDocument read(ByteBuffer in) {
        return StoredDocument.read(in);
    }

    @Override
    public StoredDocument[] createStorage(int size) {
        return new StoredDocument[size];
    }
}

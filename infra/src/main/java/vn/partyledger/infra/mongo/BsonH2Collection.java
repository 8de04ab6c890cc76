package vn.partyledger.infra.mongo;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A collection of the H2 backend whose documents are kept with their BSON ({@link StoredDocument}), encoded once when
 * put, so that a commit writes a changed page's documents without encoding them again (ADR 0059). Otherwise it keeps
 * the maps as mongo-java-server's H2Collection does: document id → document, and the collection's data size (the sum
 * of its documents' BSON sizes) in the meta map, here counted from the BSON already encoded rather than by encoding
 * each document put or removed once more.
 */
final class BsonH2Collection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE = "dataSize";

    private final MVMap<Object, StoredDocument> documents;
    private final MVMap<String, Object> meta;

    BsonH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, StoredDocument> documents, MVMap<String, Object> meta,
                     CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.documents = documents;
        this.meta = meta;
        meta.putIfAbsent(DATA_SIZE, 0L);
    }

    /** The data size is counted here, from the BSON each document is stored as. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE, ((Number) meta.get(DATA_SIZE)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object id = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument stored = StoredDocument.of(document);
        StoredDocument previous = documents.putIfAbsent(Missing.ofNullable(id), stored);
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + id + "' already existed in " + this);
        }
        updateDataSize(stored.size());
        return id;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        StoredDocument stored = StoredDocument.of(newDocument);
        StoredDocument previous = documents.put(Missing.ofNullable(position), stored);
        updateDataSize(stored.size() - (previous == null ? 0 : previous.size()));
    }

    @Override
    protected void removeDocument(Object position) {
        StoredDocument removed = documents.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-removed.size());
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = documents.get(position);
        return stored == null ? null : stored.document();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    /** In the order of the ids, or the reverse for {@code $natural: -1}. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> inOrder = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(StoredDocument::document);
        return matchDocumentsFromStream(inOrder, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The documents an index found, matched with the query; those the index of ids found for a query on ids alone are
     * not matched again (ADR 0067).
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        return super.matchDocuments(IdIndex.findsExactly(query) ? new Document() : query, positions, orderBy,
                numberToSkip, limit, batchSize, fieldSelector);
    }
}

package vn.partyledger.infra.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in an MVStore map of key to document position, as H2UniqueIndex but on explicit types. The index
 * of {@code _id} also finds a range of string ids ({@link IdRange}) by walking its ordered map from the range's first
 * key to its last, where mongo-java-server would match every document of the collection (ADR 0061).
 */
final class BsonUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;

    BsonUniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return idRange(query).isPresent() || super.canHandle(query);
    }

    /**
     * For a range of ids, the positions of the ids in it, bounds included: the collection matches each document with
     * the whole query, so an exclusive bound and the query's other conditions are held there.
     */
    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Optional<IdRange> range = idRange(query);
        if (range.isEmpty()) {
            return super.getPositions(query);
        }
        List<Object> positions = new ArrayList<>();
        if (range.get().isEmpty()) {
            return positions;
        }
        Cursor<KeyValue, Object> cursor = entries.cursor(new KeyValue(range.get().from()),
                new KeyValue(range.get().to()), false);
        while (cursor.hasNext()) {
            cursor.next();
            positions.add(cursor.getValue());
        }
        return positions;
    }

    /** Strings sort together and by {@code compareTo} in the map ({@link KeyOrder}), as the server compares them. */
    private Optional<IdRange> idRange(Document query) {
        return keys().equals(List.of(Constants.ID_FIELD)) ? IdRange.of(query) : Optional.empty();
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return entries.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return entries.get(key);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}

package vn.partyledger.infra.mongo;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The unique index of {@code _id}, answered from the collection's own map of id → document, which is ordered by id
 * ({@link KeyOrder}) and holds each id once already (ADR 0063). A separate map of id → id, as mongo-java-server keeps,
 * doubled the B-tree work of every insert and every read by id, and the pages a commit writes. An id is added and
 * removed with its document, by the collection; this index only finds ids. It also finds a range of string ids
 * ({@link IdRange}) by walking the map from the range's first id to its last, where mongo-java-server would match every
 * document of the collection (ADR 0061), and the one id a query asks for beside other conditions ({@link IdEquality}),
 * where it would match every document too (ADR 0065).
 */
final class IdIndex extends AbstractUniqueIndex<Object> {

    private static final List<IndexKey> KEYS = List.of(new IndexKey(Constants.ID_FIELD, true));

    private final MVMap<Object, StoredDocument> documents;

    IdIndex(MVMap<Object, StoredDocument> documents) {
        super(Constants.PRIMARY_KEY_INDEX_NAME, KEYS, false);
        this.documents = documents;
    }

    /**
     * Whether a unique index is the index of {@code _id} this class answers ({@code IndexKey} has no {@code equals}:
     * its name and key are compared).
     */
    static boolean isIdIndex(String indexName, List<IndexKey> keys, boolean sparse) {
        return indexName.equals(Constants.PRIMARY_KEY_INDEX_NAME) && keys.size() == 1
                && keys.get(0).getKey().equals(Constants.ID_FIELD) && !sparse;
    }

    /**
     * Whether the documents this index finds for the query are exactly those the query matches: a query on ids alone,
     * {@code {_id: {$in: [...]}}} of strings and integers, which no other index takes. The index looks each id up as
     * the matcher compares ids, normalized ({@link KeyOrder}); matching each document found against every id asked
     * again costs the product of the two, and the log's reads ask for hundreds of ids at once (ADR 0067).
     */
    static boolean findsExactly(Document query) {
        return query.size() == 1 && query.get(Constants.ID_FIELD) instanceof Document condition
                && condition.size() == 1 && condition.get("$in") instanceof Collection<?> ids
                && ids.stream().allMatch(id -> id instanceof String || id instanceof Long || id instanceof Integer);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return IdRange.of(query).isPresent() || IdEquality.of(query).isPresent() || super.canHandle(query);
    }

    /**
     * For a range of ids, the ids in it, bounds included; for an id asked for beside other conditions, that id if it is
     * stored. The collection matches each document with the whole query, so an exclusive bound and the query's other
     * conditions are held there.
     */
    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        if (findsExactly(query)) {
            return idsStored((Collection<?>) ((Document) query.get(Constants.ID_FIELD)).get("$in"));
        }
        Optional<IdRange> range = IdRange.of(query);
        if (range.isEmpty()) {
            return super.getPositions(IdEquality.of(query).map(IdEquality::alone).orElse(query));
        }
        List<Object> ids = new ArrayList<>();
        if (range.get().isEmpty()) {
            return ids;
        }
        Cursor<Object, StoredDocument> cursor = documents.cursor(range.get().from(), range.get().to(), false);
        while (cursor.hasNext()) {
            ids.add(cursor.next());
        }
        return ids;
    }

    /**
     * The stored ids among those asked, each once, in the map's order. mongo-java-server sorts the ids asked with its
     * generic value comparator, normalizing each, before looking them up: for the hundreds of stream entries a read of
     * the log asks for, a quarter of the embedded server's time in a first count of a province's membership.
     */
    private List<Object> idsStored(Collection<?> asked) {
        Set<Object> distinct = new TreeSet<>(KeyOrder.INSTANCE);
        distinct.addAll(asked);
        List<Object> stored = new ArrayList<>(distinct.size());
        for (Object id : distinct) {
            Object position = getPosition(new KeyValue(id));
            if (position != null) {
                stored.add(position);
            }
        }
        return stored;
    }

    /** The collection has put the document, and its id with it, in its map: there is nothing more to add. */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        // checkAdd, which the collection ran before putting the document, refused an id it holds already
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return true;
    }

    /** The id as stored, which the collection removes with its document after asking every index for it. */
    @Override
    protected Object removeDocument(KeyValue key) {
        return getPosition(key);
    }

    /**
     * The id as the map holds it: the key a query gives is normalized (a number as a {@code Double}), and the
     * collection compares positions from different indexes with {@code equals}. A string is held as it is.
     */
    @Override
    protected Object getPosition(KeyValue key) {
        Object id = Missing.ofNullable(key.get(0));
        if (id instanceof String) {
            return documents.containsKey(id) ? id : null;
        }
        Object stored = documents.ceilingKey(id);
        return stored != null && KeyOrder.INSTANCE.compare(stored, id) == 0 ? stored : null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> documents.keySet().stream()
                .map(id -> (Map.Entry<KeyValue, Object>) new AbstractMap.SimpleImmutableEntry<>(new KeyValue(id), id))
                .iterator();
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}

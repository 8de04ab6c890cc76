package vn.partyledger.infra.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * A database of the H2 backend whose maps are opened with explicit types ({@link StoreFormat}) and whose collections
 * keep each document with its BSON ({@link BsonH2Collection}): the same map names and the same behaviour as
 * mongo-java-server's H2Database, which opens every map with H2's default type. Written out
 * rather than extended because H2Database opens its collections from its constructor, before a subclass could hold
 * the store.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        if (IdIndex.isIdIndex(indexName, keys, sparse)) {
            return new IdIndex(StoreFormat.openDataMap(store, getFullCollectionNamespace(collectionName)));
        }
        return new BsonUniqueIndex(StoreFormat.openIndexMap(store, StoreFormat.indexMapName(
                getFullCollectionNamespace(collectionName), indexName)), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String name = StoreFormat.indexMapName(getFullCollectionNamespace(collection.getCollectionName()), indexName);
        if (store.hasMap(name)) { // the index of _id has no map of its own (IdIndex)
            store.removeMap(name);
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new BsonH2Collection(this, collectionName, options, StoreFormat.openDataMap(store, namespace),
                StoreFormat.openMetaMap(store, namespace), cursorRegistry);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        String databaseName = getDatabaseName();
        store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".")
                        || name.startsWith(StoreFormat.DATA_PREFIX + databaseName + ".")
                        || name.startsWith(StoreFormat.META_PREFIX + databaseName + "."))
                .toList()
                .forEach(store::removeMap);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        store.removeMap(StoreFormat.DATA_PREFIX + namespace);
        store.removeMap(StoreFormat.META_PREFIX + namespace);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String from = collection.getFullName();
        String to = getFullCollectionNamespace(newCollectionName);
        store.renameMap(StoreFormat.openDataMap(store, from), StoreFormat.DATA_PREFIX + to);
        store.renameMap(StoreFormat.openMetaMap(store, from), StoreFormat.META_PREFIX + to);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}

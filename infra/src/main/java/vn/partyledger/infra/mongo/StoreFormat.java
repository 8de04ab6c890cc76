package vn.partyledger.infra.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The format of the embedded store file, and the one-time migration of a file written in the earlier one.
 *
 * <p>Maps keep mongo-java-server's names: {@code databases.<db>.<collection>} (document id → document),
 * {@code meta.<db>.<collection>} (the collection's data size) and {@code <db>.<collection>._index_<index>} (unique key
 * → document id). Format 1, mongo-java-server's own, opened every map with H2's default type, which writes documents
 * and index keys with Java serialization and serializes an index key on every comparison of a B-tree search. Format 2
 * writes documents and values as BSON ({@link StoredDocumentType}, {@link PositionType}, {@link KeyValueType}) and
 * orders keys on their values ({@link KeyOrder}); meta maps hold only a string and a long, which H2's default type writes
 * without serialization, and are left as they are. Format 3 keeps no map for the index of {@code _id}, which the
 * collection's map of documents answers ({@link IdIndex}, ADR 0063). The format is recorded in the map
 * {@value #FORMAT_MAP}, whose name no database can shadow ('$' is not allowed in a database name).
 */
final class StoreFormat {

    static final int CURRENT = 3;
    /** The format that kept a map for the index of {@code _id} too: its maps go, nothing else changes. */
    private static final int WITH_ID_INDEX_MAPS = 2;
    static final String DATA_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";
    private static final String ID_INDEX_SUFFIX = INDEX_INFIX + Constants.PRIMARY_KEY_INDEX_NAME;
    private static final String FORMAT_MAP = "$format";
    private static final String VERSION = "version";
    /** Copies of format-1 maps under construction; a crash can leave some, the next migration drops them. */
    private static final String COPY_PREFIX = "$copy.";
    /** Entries copied between two commits: what is copied but not committed stays in memory. */
    private static final int COPY_BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    private StoreFormat() {
    }

    static MVMap<Object, StoredDocument> openDataMap(MVStore store, String namespace) {
        return openDocuments(store, DATA_PREFIX + namespace);
    }

    private static MVMap<Object, StoredDocument> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, StoredDocument>().keyType(PositionType.INSTANCE)
                .valueType(StoredDocumentType.INSTANCE));
    }

    /** H2's default types, as in format 1. */
    static MVMap<String, Object> openMetaMap(MVStore store, String namespace) {
        return store.openMap(META_PREFIX + namespace);
    }

    static MVMap<KeyValue, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name,
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE).valueType(PositionType.INSTANCE));
    }

    static String indexMapName(String namespace, String indexName) {
        return namespace + INDEX_INFIX + indexName;
    }

    /**
     * Brings the file to the current format before the backend opens it: records the format in a new file, migrates
     * a format-1 file. Refuses a file of a later format, which this version cannot read.
     */
    static void prepare(MvStoreFile file) {
        prepare(file, COPY_BATCH, () -> { });
    }

    /**
     * As {@link #prepare(MvStoreFile)}, committing every {@code batch} entries copied, with {@code beforeSwitch} run
     * once every map is copied and before the commit that switches the file to its copies (tests: a crash there).
     *
     * <p>The old maps stay the file's data until one last commit removes them, renames the copies to their names and
     * records the format, all in one MVStore version. A crash before that commit leaves a format-1 file, which the
     * next start migrates again from the beginning; after it, a complete format-2 file.
     */
    static void prepare(MvStoreFile file, int batch, Runnable beforeSwitch) {
        MVStore store = file.store();
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        Integer version = format.get(VERSION);
        if (version != null && version == CURRENT) {
            return;
        }
        if (version != null && version == WITH_ID_INDEX_MAPS) {
            int dropped = dropIdIndexMaps(store);
            format.put(VERSION, CURRENT);
            commitAndSync(file);
            log.info("Store file brought to format {}: {} maps of the index of ids removed, which the maps of documents "
                    + "answer now (ADR 0063); an earlier version of the application cannot open it", CURRENT, dropped);
            return;
        }
        if (version != null) {
            throw new IllegalStateException("The store file is in format " + version + ", written by a later version "
                    + "of the application; this one reads format " + CURRENT + " and cannot open it");
        }
        List<String> toMigrate = new ArrayList<>();
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(COPY_PREFIX)) {
                store.removeMap(name);
            } else if (name.startsWith(DATA_PREFIX) || isIndexMap(name) && !name.endsWith(ID_INDEX_SUFFIX)) {
                toMigrate.add(name);
            }
        }
        if (!toMigrate.isEmpty()) {
            log.info("Migrating the store file to format {}: {} maps", CURRENT, toMigrate.size());
        }
        List<MVMap<?, ?>> copies = new ArrayList<>();
        long copied = 0;
        for (String name : toMigrate) {
            copied = copy(file, store.openMap(name), name, copies, copied, batch);
        }
        beforeSwitch.run();
        for (int i = 0; i < toMigrate.size(); i++) {
            store.removeMap(toMigrate.get(i));
            store.renameMap(copies.get(i), toMigrate.get(i));
        }
        dropIdIndexMaps(store);
        format.put(VERSION, CURRENT);
        commitAndSync(file);
        if (!toMigrate.isEmpty()) {
            log.info("Store file migrated to format {}: {} entries in {} maps", CURRENT, copied, toMigrate.size());
        }
    }

    private static long copy(MvStoreFile file, MVMap<Object, Object> old, String name, List<MVMap<?, ?>> copies,
                             long copied, int batch) {
        @SuppressWarnings("unchecked")
        boolean documents = name.startsWith(DATA_PREFIX);
        MVMap<Object, Object> copy = (MVMap<Object, Object>) (documents
                ? (MVMap<?, ?>) openDocuments(file.store(), COPY_PREFIX + name)
                : openIndexMap(file.store(), COPY_PREFIX + name));
        copies.add(copy);
        long count = copied;
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            Object value = documents ? StoredDocument.of((Document) entry.getValue()) : entry.getValue();
            Object clash = copy.putIfAbsent(entry.getKey(), value);
            if (clash != null) {
                throw new IllegalStateException("Cannot migrate the store file: " + name + " holds two keys that "
                        + "format " + CURRENT + " takes for one: " + entry.getKey() + "; the file is left as it was");
            }
            if (++count % batch == 0) {
                commitAndSync(file);
            }
        }
        return count;
    }

    /** Synced before the next commit, as MvStoreFile's reuse of dead chunks requires. */
    private static void commitAndSync(MvStoreFile file) {
        file.commit();
        file.sync();
    }

    /** In the same version as the change of format, so that a crash leaves the file in one format or the other. */
    private static int dropIdIndexMaps(MVStore store) {
        List<String> maps = List.copyOf(store.getMapNames()).stream()
                .filter(name -> isIndexMap(name) && name.endsWith(ID_INDEX_SUFFIX)).toList();
        maps.forEach(store::removeMap);
        return maps.size();
    }

    private static boolean isIndexMap(String name) {
        return !name.startsWith(META_PREFIX) && !name.startsWith("$") && name.contains(INDEX_INFIX);
    }
}

package vn.partyledger.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its databases keeping documents and index keys in explicit encodings
 * ({@link BsonH2Database}) instead of H2's default, Java serialization. The store must be in the current format
 * ({@link StoreFormat#prepare}) before this opens it.
 */
final class BsonH2Backend extends H2Backend {

    BsonH2Backend(MVStore store) {
        super(store);
    }

    /** Called from H2Backend's constructor for every database in the store: uses nothing of this class's state. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}

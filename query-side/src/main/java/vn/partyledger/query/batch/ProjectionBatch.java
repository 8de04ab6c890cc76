package vn.partyledger.query.batch;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The projection writes of one Axon unit of work: a pooled processor's batch of events, or the single event of any
 * other unit of work (a dead letter retried, a subscribing handler). Kept as a resource of the root unit of work, so
 * each segment's batch, on its own thread, has its own. The writes are sent when the unit of work prepares its commit,
 * one ordered bulk write per collection; in a pooled processor's batch {@link #flushCurrent()} sends them earlier, just
 * before the batch's token is stored, because Axon registers storing the token first (ADR 0038).
 */
public final class ProjectionBatch {

    private static final String RESOURCE = ProjectionBatch.class.getName();

    private final Map<MongoNamespace, PendingCollection> collections = new LinkedHashMap<>();

    private ProjectionBatch() {
    }

    /** The batch of the unit of work handling the current event; empty when an event is handled outside of one. */
    static Optional<ProjectionBatch> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase() != UnitOfWork.Phase.STARTED) {
            return Optional.empty();
        }
        return Optional.of(root.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch batch = new ProjectionBatch();
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        }));
    }

    /**
     * Sends the writes the current unit of work holds, if any; called before a token is stored, so a token is never
     * ahead of the documents of the events it covers.
     */
    public static void flushCurrent() {
        if (CurrentUnitOfWork.isStarted()) {
            ProjectionBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                batch.flush();
            }
        }
    }

    PendingCollection of(MongoCollection<Document> collection) {
        return collections.computeIfAbsent(collection.getNamespace(), namespace -> new PendingCollection(collection));
    }

    private void flush() {
        collections.values().forEach(PendingCollection::flush);
    }

    /**
     * One collection's pending writes, in the order they were made. A whole document replaced twice in the batch is
     * written once, as it was last; {@link #pendingDocument} lets a handler read what an earlier event of the batch
     * left.
     */
    static final class PendingCollection {
        private static final DocumentCodec CODEC = new DocumentCodec();

        private final MongoCollection<Document> collection;
        private final List<WriteModel<Document>> writes = new ArrayList<>();
        private final Map<Object, Integer> replaced = new LinkedHashMap<>();
        private final Map<Object, Document> documents = new LinkedHashMap<>();

        private PendingCollection(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        /** A copy, so a handler that changes it and then fails leaves the batch as it was. */
        Optional<Document> pendingDocument(Object id) {
            return Optional.ofNullable(documents.get(id))
                    .map(document -> new RawBsonDocument(document, CODEC).decode(CODEC));
        }

        void replace(Object id, Document document, WriteModel<Document> write) {
            documents.put(id, document);
            Integer earlier = replaced.get(id);
            if (earlier == null) {
                replaced.put(id, writes.size());
                writes.add(write);
            } else {
                writes.set(earlier, write);
            }
        }

        void add(WriteModel<Document> write) {
            writes.add(write);
        }

        private void flush() {
            if (!writes.isEmpty()) {
                collection.bulkWrite(List.copyOf(writes), new BulkWriteOptions().ordered(true));
                writes.clear();
                replaced.clear();
                documents.clear();
            }
        }
    }
}

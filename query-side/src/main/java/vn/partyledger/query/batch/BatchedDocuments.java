package vn.partyledger.query.batch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.messaging.Message;
import org.bson.Document;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A projection's collection of small documents read and written whole by {@code _id}. Within a processor batch a
 * replaced document is held until the batch commits and a read sees it as the batch left it, and is then written once,
 * inserted if the batch found it absent; outside of a unit of work it is written at once. Only whole documents: a collection changed by update operators is {@link BatchedUpdates}.
 */
public final class BatchedDocuments {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final Function<Message<?>, Stream<?>> idsRead;

    /**
     * {@code idsRead} names, from an event, the documents its handler will read here, so a processor batch
     * reads them all at once (ADR 0038); what it does not name is read when asked.
     */
    public BatchedDocuments(MongoCollection<Document> collection, Function<Message<?>, Stream<?>> idsRead) {
        this.collection = collection;
        this.idsRead = idsRead;
    }

    /** The document as the current batch left it, else as stored. */
    public Optional<Document> find(Object id) {
        return ProjectionBatch.current().map(batch -> batch.read(collection, id, idsRead))
                .orElseGet(() -> Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()));
    }

    /** Stores {@code document} in place of the one with its {@code _id}, creating it. */
    public void replace(Document document) {
        Object id = document.get("_id");
        Optional<ProjectionBatch> batch = ProjectionBatch.current();
        if (batch.isPresent()) {
            batch.get().of(collection).replace(id, document);
        } else {
            collection.replaceOne(Filters.eq("_id", id), document, UPSERT);
        }
    }
}

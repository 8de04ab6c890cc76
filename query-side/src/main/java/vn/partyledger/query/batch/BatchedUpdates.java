package vn.partyledger.query.batch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A projection's collection changed by update operators ({@code $addToSet}, {@code $set}, {@code $setOnInsert},
 * {@code $unset}, {@code $min}) and deleted by {@code _id}, each idempotent, so a batch sent again after a crash leaves
 * the same documents. Within a processor batch the updates are held until it commits and sent in their order; outside
 * of a unit of work each is sent at once. Reads go to the store: what a handler updates here it does not read back
 * within the batch.
 */
public final class BatchedUpdates {

    private final MongoCollection<Document> collection;

    public BatchedUpdates(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public void updateOne(Bson filter, Bson update, UpdateOptions options) {
        ProjectionBatch.current().ifPresentOrElse(
                batch -> batch.of(collection).add(new UpdateOneModel<>(filter, update, options)),
                () -> collection.updateOne(filter, update, options));
    }

    /**
     * Adds {@code value} to the set {@code field} of the document {@code id} ({@code $addToSet}), creating the document
     * if {@code upsert}. Within a batch, what the batch adds to the same set goes as one {@code $addToSet} with
     * {@code $each}, at the place of the first addition (ADR 0038): a set changed here must be changed by additions
     * only, which commute with every other update of its document.
     */
    public void addToSet(Object id, String field, Object value, boolean upsert) {
        ProjectionBatch.current().ifPresentOrElse(
                batch -> batch.of(collection).addToSet(id, field, value, upsert),
                () -> collection.updateOne(Filters.eq("_id", id), Updates.addToSet(field, value),
                        new UpdateOptions().upsert(upsert)));
    }

    public void deleteOne(Object id) {
        ProjectionBatch.current().ifPresentOrElse(
                batch -> batch.of(collection).delete(id),
                () -> collection.deleteOne(Filters.eq("_id", id)));
    }
}

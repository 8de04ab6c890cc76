package vn.partyledger.query.batch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
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

    public void deleteOne(Object id) {
        ProjectionBatch.current().ifPresentOrElse(
                batch -> batch.of(collection).add(new DeleteOneModel<>(Filters.eq("_id", id))),
                () -> collection.deleteOne(Filters.eq("_id", id)));
    }
}

package vn.partyledger.query.batch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * A collection of change counters, one document per thing counted, whose {@code field} goes up each time what it
 * stands for has changed: a value worked out from the changed documents and kept with the count it was worked out at
 * is stale once the count has moved. Within a processor batch a counter goes up once, however many of the batch's
 * events changed it, and only after every other write of the batch has been sent, so a count never moves before the
 * documents it stands for have changed: a value worked out meanwhile is kept at the count before and is stale at
 * once. Outside of a unit of work the counter goes up at once, so it must be counted after the writes it follows.
 */
public final class BatchedChangeCounts {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final String field;

    public BatchedChangeCounts(MongoCollection<Document> collection, String field) {
        this.collection = collection;
        this.field = field;
    }

    /** Counts a change of what {@code id} stands for, creating its counter. */
    public void count(Object id) {
        ProjectionBatch.current().ifPresentOrElse(
                batch -> batch.countChange(this, id),
                () -> collection.updateOne(Filters.eq("_id", id), Updates.inc(field, 1L), UPSERT));
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    String field() {
        return field;
    }
}

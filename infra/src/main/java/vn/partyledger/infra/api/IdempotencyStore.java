package vn.partyledger.infra.api;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the outcome of each command sent with an {@code Idempotency-Key}, per user, so that a retried request gets
 * the first answer and nothing is applied twice. A key is claimed before the command runs (the unique {@code _id}
 * makes the claim atomic), completed with the outcome, and released if the command is refused.
 */
@Component
public class IdempotencyStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public IdempotencyStore(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection("idempotency_keys");
        this.clock = clock;
    }

    /** Claims the key, or returns the outcome recorded for it by the identical earlier request. */
    public Optional<CommandOutcome> claim(String user, String key, String fingerprint) {
        String id = id(user, key);
        try {
            keys.insertOne(new Document("_id", id)
                    .append("fingerprint", fingerprint)
                    .append("status", IN_PROGRESS)
                    .append("claimedAt", Date.from(clock.instant())));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = keys.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            // released between our insert attempt and this read: the earlier request was refused, try again
            return claim(user, key, fingerprint);
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            throw new IdempotencyConflict("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        if (!COMPLETED.equals(existing.getString("status"))) {
            throw new IdempotencyConflict("IDEMPOTENCY_KEY_IN_USE",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        Document outcome = existing.get("outcome", Document.class);
        return Optional.of(new CommandOutcome(outcome.getString("aggregateId"), outcome.getLong("version"),
                outcome.getList("eventIds", String.class)));
    }

    public void complete(String user, String key, CommandOutcome outcome) {
        keys.updateOne(Filters.eq("_id", id(user, key)), Updates.combine(
                Updates.set("status", COMPLETED),
                Updates.set("outcome", new Document("aggregateId", outcome.aggregateId())
                        .append("version", outcome.version())
                        .append("eventIds", List.copyOf(outcome.eventIds())))));
    }

    public void release(String user, String key) {
        keys.deleteOne(Filters.and(Filters.eq("_id", id(user, key)), Filters.eq("status", IN_PROGRESS)));
    }

    private static String id(String user, String key) {
        return user + "|" + key;
    }
}

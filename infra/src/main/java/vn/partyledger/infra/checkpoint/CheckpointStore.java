package vn.partyledger.infra.checkpoint;

import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import vn.partyledger.infra.eventstore.DuplicateKey;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/**
 * The checkpoints recorded, in {@value #CHECKPOINTS}: {@code {_id: treeSize, rootHash, lastPosition, recordedAt,
 * signature, published}}. Keyed by tree size, so two nodes recording the same head keep one; {@code published} says
 * whether Kafka has acknowledged it, so one recorded just before a crash is published after the restart.
 */
final class CheckpointStore {

    static final String CHECKPOINTS = "log_checkpoints";

    private final MongoCollection<Document> checkpoints;

    CheckpointStore(MongoDatabase database) {
        this.checkpoints = database.getCollection(CHECKPOINTS).withWriteConcern(WriteConcern.MAJORITY)
                                   .withReadConcern(ReadConcern.MAJORITY);
    }

    /** Stores the checkpoint unless one of the same tree size is stored already (recorded by another node). */
    void record(Checkpoint checkpoint) {
        try {
            checkpoints.insertOne(new Document("_id", checkpoint.treeSize())
                                          .append("rootHash", checkpoint.rootHash())
                                          .append("lastPosition", checkpoint.lastPosition())
                                          .append("recordedAt", Date.from(checkpoint.recordedAt()))
                                          .append("signature", checkpoint.signature())
                                          .append("published", false));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
        }
    }

    Optional<Checkpoint> latest() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).first()).map(CheckpointStore::of);
    }

    Optional<Checkpoint> ofSize(long treeSize) {
        return Optional.ofNullable(checkpoints.find(eq("_id", treeSize)).first()).map(CheckpointStore::of);
    }

    /** The newest checkpoints first, smaller than {@code beforeSize} when given, at most {@code limit}. */
    List<Checkpoint> newest(Long beforeSize, int limit) {
        List<Checkpoint> found = new ArrayList<>();
        var query = beforeSize == null ? checkpoints.find() : checkpoints.find(lt("_id", beforeSize));
        query.sort(Sorts.descending("_id")).limit(limit).forEach(document -> found.add(of(document)));
        return found;
    }

    /** Those Kafka has not acknowledged yet, oldest first. */
    List<Checkpoint> unpublished() {
        List<Checkpoint> found = new ArrayList<>();
        checkpoints.find(eq("published", false)).sort(Sorts.ascending("_id")).forEach(d -> found.add(of(d)));
        return found;
    }

    void published(Checkpoint checkpoint) {
        checkpoints.updateOne(eq("_id", checkpoint.treeSize()), Updates.set("published", true));
    }

    private static Checkpoint of(Document document) {
        return new Checkpoint(((Number) document.get("_id")).longValue(), document.getString("rootHash"),
                              ((Number) document.get("lastPosition")).longValue(),
                              document.getDate("recordedAt").toInstant(), document.getString("signature"));
    }
}

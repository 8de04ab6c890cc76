package vn.partyledger.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * The default projection of the benchmark: one roster document per branch, updated by {@code _id} only (a key
 * lookup on both the embedded server and MongoDB). Idempotent: set operations, so a redelivered event changes
 * nothing twice. Any other Axon event handler object (the application's roster projection) can be plugged in
 * instead, see {@link ReplayBenchmark#run}.
 */
public class BranchRosterBenchProjection {

    static final String COLLECTION = "bench_branch_rosters";

    private final MongoCollection<Document> rosters;

    public BranchRosterBenchProjection(MongoDatabase database) {
        this.rosters = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(BenchEvents.MemberAdmitted event) {
        rosters.updateOne(eq("_id", event.branchId()),
                          Updates.addToSet("probationary", event.memberId()),
                          new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(BenchEvents.MemberRecognizedAsOfficial event) {
        rosters.updateOne(eq("_id", event.branchId()),
                          Updates.combine(Updates.pull("probationary", event.memberId()),
                                          Updates.addToSet("official", event.memberId())),
                          new UpdateOptions().upsert(true));
    }

}

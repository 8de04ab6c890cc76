package vn.partyledger.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * What someone who can write the database and has read docs/event-hash.md does after changing a commit: recomputes
 * its events' hashes, its own hash and its stream entries', so the commit verifies on its own again. For tamper tests.
 */
public final class Rehash {

    private Rehash() {
    }

    public static void commit(MongoDatabase database, long position) {
        var commits = database.getCollection(MongoLogStore.COMMITS);
        Document commit = commits.find(Filters.eq(CommitDocument.ID, position)).first();
        List<Document> events = CommitDocument.events(commit);
        List<String> hashes = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            Document event = events.get(index);
            String hash = ChainVerifier.eventHash(event, position, index);
            event.put(CommitDocument.HASH, hash);
            hashes.add(hash);
            String aggregate = event.getString(CommitDocument.AGGREGATE_IDENTIFIER);
            if (aggregate != null) {
                database.getCollection(MongoLogStore.STREAMS).updateOne(
                        Filters.eq(StreamEntry.ID, StreamEntry.key(aggregate, ((Number) event.get(
                                CommitDocument.SEQUENCE_NUMBER)).longValue())), Updates.set(StreamEntry.HASH, hash));
            }
        }
        commit.put(CommitDocument.HASH, EventHash.ofCommit(position, commit.getString(CommitDocument.COMMIT_ID),
                                                           commit.getString(CommitDocument.REQUEST),
                                                           commit.getDate(CommitDocument.COMMITTED_AT),
                                                           commit.getDate(CommitDocument.TIME_HIGH_WATER), hashes));
        commits.replaceOne(Filters.eq(CommitDocument.ID, position), commit);
    }
}

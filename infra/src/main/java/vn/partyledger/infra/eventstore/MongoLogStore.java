package vn.partyledger.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The log's collections on MongoDB (see docs/adr/0019-one-commit-document-per-append.md):
 * <ul>
 *     <li>{@value #COMMITS}: one document per append, {@code _id} = commit position; or a tombstone sealing a
 *     position that no writer filled in time. Unique {@code request}: the idempotency key of the request that produced
 *     the commit, as {@code request:<key>} (a generated {@code commit:<position>} when the caller gave none; tombstones
 *     hold {@code sealed:<position>}, see {@link CommitDocument#request}).</li>
 *     <li>{@value #STREAMS}: one entry per aggregate event, {@code _id} = {@code aggregateId/sequenceNumber}, pointing
 *     at its commit; unique {@code eventIdentifier}. An entry counts only once its commit is stored.</li>
 *     <li>{@value #COUNTER}: the highest allocated commit position, the time high-water mark, and the position up
 *     to which every position is known to be filled.</li>
 * </ul>
 * Every write asks for a majority write concern itself (the commit insert also for the journal), and every read for
 * the majority read concern, whatever the connection string says: an append is acknowledged only once it survives the
 * loss of the primary, and a processor never delivers a commit that a failover could still roll back. Every read is
 * {@code _id} equality or {@code $in}, or equality on the one unique {@code request} key.
 */
final class MongoLogStore implements LogStore {

    static final String COMMITS = "event_commits";
    static final String STREAMS = "event_streams";
    static final String COUNTER = "event_log_counter";
    static final String COUNTER_ID = "commitPosition";
    private static final String OLD_EVENTS = "domain_events";
    private static final String FILLED_THROUGH = "filledThrough";

    /**
     * The commit insert, the moment an append is acknowledged, waits for the journal of a majority. The writes before
     * it (position, stream entries) and tombstones need a majority (never rolled back by a failover) but no journal
     * wait of their own: the commit's journaled write covers everything written before it, and until a commit refers
     * to them they are harmless if lost.
     */
    private static final WriteConcern JOURNALED = WriteConcern.MAJORITY.withJournal(true);
    private static final WriteConcern DURABLE = WriteConcern.MAJORITY;
    private static final Bson HEADER = new Document(CommitDocument.ID, 1).append(CommitDocument.TOMBSTONE, 1)
                                                                          .append(CommitDocument.COMMIT_ID, 1)
                                                                          .append(CommitDocument.TIME_HIGH_WATER, 1);

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> counter;

    MongoLogStore(MongoDatabase database) {
        this.commits = database.getCollection(COMMITS).withWriteConcern(DURABLE).withReadConcern(ReadConcern.MAJORITY);
        this.streams = database.getCollection(STREAMS).withWriteConcern(DURABLE).withReadConcern(ReadConcern.MAJORITY);
        this.counter = database.getCollection(COUNTER).withWriteConcern(DURABLE).withReadConcern(ReadConcern.MAJORITY);
        refuseOldLayout(database);
        ensureSchema();
    }

    /**
     * A database written by the engine of ADR 0002 keeps its events in {@value #OLD_EVENTS}, which this layout does not
     * read: starting on it would show an empty log as if the decisions had never been taken.
     */
    private void refuseOldLayout(MongoDatabase database) {
        if (database.getCollection(OLD_EVENTS).find().limit(1).first() != null
                && commits.find().limit(1).first() == null) {
            throw new IllegalStateException("this database holds events in the layout of ADR 0002 (" + OLD_EVENTS
                    + ") and none in " + COMMITS + "; it is not read by this version (ADR 0019)");
        }
    }

    private void ensureSchema() {
        IndexOptions unique = new IndexOptions().unique(true);
        commits.createIndex(Indexes.ascending(CommitDocument.REQUEST), unique);
        streams.createIndex(Indexes.ascending(StreamEntry.EVENT_IDENTIFIER), unique);
        try {
            counter.updateOne(eq(CommitDocument.ID, COUNTER_ID),
                              Updates.combine(Updates.setOnInsert("value", 0L),
                                              Updates.setOnInsert("timeHighWater", new Date(0))),
                              new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            // another node created the counter at the same moment
        }
    }

    /**
     * One {@code findOneAndUpdate} returning the document <em>before</em> the update: mongo-java-server hands back a
     * live reference for the after image, which a concurrent increment can change before it is serialized.
     */
    @Override
    public Allocation allocate(Instant latestEventTime) {
        Document before = counter.findOneAndUpdate(
                eq(CommitDocument.ID, COUNTER_ID),
                Updates.combine(Updates.inc("value", 1L), Updates.max("timeHighWater", Date.from(latestEventTime))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("the commit position counter is missing from " + COUNTER);
        }
        Instant previousHighWater = before.getDate("timeHighWater").toInstant();
        Instant highWater = previousHighWater.isAfter(latestEventTime) ? previousHighWater : latestEventTime;
        return new Allocation(((Number) before.get("value")).longValue() + 1, highWater);
    }

    @Override
    public long allocated() {
        Document current = counter.find(eq(CommitDocument.ID, COUNTER_ID)).first();
        return current == null ? 0 : ((Number) current.get("value")).longValue();
    }

    @Override
    public long filledThrough() {
        Document current = counter.find(eq(CommitDocument.ID, COUNTER_ID)).first();
        Number mark = current == null ? null : (Number) current.get(FILLED_THROUGH);
        return mark == null ? 0 : mark.longValue();
    }

    @Override
    public long storedEvents() {
        return streams.estimatedDocumentCount();
    }

    @Override
    public void raiseFilledThrough(long position) {
        counter.updateOne(eq(CommitDocument.ID, COUNTER_ID), Updates.max(FILLED_THROUGH, position));
    }

    @Override
    public Map<String, Document> findEntries(Collection<String> keys) {
        Map<String, Document> found = new HashMap<>();
        for (Document entry : streams.find(in(StreamEntry.ID, keys)).batchSize(Math.max(2, keys.size()))) {
            found.put(entry.getString(StreamEntry.ID), entry);
        }
        return found;
    }

    @Override
    public void insertEntries(List<Document> entries) {
        streams.insertMany(entries, new InsertManyOptions().ordered(true));
    }

    @Override
    public boolean replaceVoidEntry(String key, long sealedPosition, Document entry) {
        return streams.replaceOne(and(eq(StreamEntry.ID, key), eq(StreamEntry.POSITION, sealedPosition)), entry)
                      .getModifiedCount() == 1;
    }

    @Override
    public Map<Long, Document> findCommits(Collection<Long> positions) {
        return byPosition(positions, null);
    }

    @Override
    public Map<Long, Document> findCommitsWithFirstEventOf(Collection<Long> positions, String aggregateIdentifier) {
        return byPosition(positions, new Document(CommitDocument.TOMBSTONE, 1).append(CommitDocument.EVENTS,
                new Document("$elemMatch", new Document(CommitDocument.AGGREGATE_IDENTIFIER, aggregateIdentifier))));
    }

    @Override
    public Map<Long, Document> findCommitHeaders(Collection<Long> positions) {
        return byPosition(positions, HEADER);
    }

    private Map<Long, Document> byPosition(Collection<Long> positions, Bson projection) {
        Map<Long, Document> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        var query = commits.find(in(CommitDocument.ID, positions)).batchSize(Math.max(2, positions.size()));
        if (projection != null) {
            query = query.projection(projection);
        }
        for (Document commit : query) {
            found.put(((Number) commit.get(CommitDocument.ID)).longValue(), commit);
        }
        return found;
    }

    @Override
    public void insertCommit(Document commit) {
        commits.withWriteConcern(JOURNALED).insertOne(commit);
    }

    @Override
    public void insertTombstone(Document tombstone) {
        commits.insertOne(tombstone);
    }

    @Override
    public Document findCommitByRequest(String requestKey) {
        return commits.find(eq(CommitDocument.REQUEST, requestKey)).first();
    }
}

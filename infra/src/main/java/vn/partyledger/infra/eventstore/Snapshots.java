package vn.partyledger.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;

/**
 * The latest snapshot of each aggregate, one document per aggregate in {@value #SNAPSHOTS}. A snapshot is a cache of
 * what the log already says, so it is outside the commit protocol; replacing one is a compare-and-set on its unique
 * {@code snapshotKey} ({@code aggregateId/sequenceNumber}), so a newer snapshot is never overwritten by an older one.
 */
final class Snapshots {

    static final String SNAPSHOTS = "snapshot_events";
    private static final String SNAPSHOT_KEY = "snapshotKey";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> snapshots;

    Snapshots(MongoDatabase database) {
        this.snapshots = database.getCollection(SNAPSHOTS);
        snapshots.createIndex(Indexes.ascending(SNAPSHOT_KEY), new IndexOptions().unique(true));
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        String aggregateId = snapshot.getAggregateIdentifier();
        OutgoingEvent event = new OutgoingEvent(snapshot, serializer);
        Document document = event.document()
                                 .append(CommitDocument.ID, aggregateId)
                                 .append(SNAPSHOT_KEY, StreamEntry.key(aggregateId, snapshot.getSequenceNumber()));
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Document current = snapshots.find(eq(CommitDocument.ID, aggregateId)).first();
                if (current == null) {
                    try {
                        snapshots.insertOne(document);
                        return;
                    } catch (MongoException e) {
                        if (!DuplicateKey.is(e)) {
                            throw e;
                        }
                        continue;
                    }
                }
                if (((Number) current.get(CommitDocument.SEQUENCE_NUMBER)).longValue()
                        >= snapshot.getSequenceNumber()) {
                    return;
                }
                if (snapshots.replaceOne(eq(SNAPSHOT_KEY, current.getString(SNAPSHOT_KEY)), document)
                             .getMatchedCount() == 1) {
                    return;
                }
            }
        } catch (MongoException e) {
            throw new EventStoreException("Failed to store snapshot of aggregate " + aggregateId, e);
        }
    }

    Stream<? extends DomainEventData<?>> read(String aggregateIdentifier) {
        Document document = snapshots.find(eq(CommitDocument.ID, aggregateIdentifier)).first();
        return document == null ? Stream.empty() : Stream.of(CommitDocument.eventData(document));
    }
}

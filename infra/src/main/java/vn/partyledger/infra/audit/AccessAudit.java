package vn.partyledger.infra.audit;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The access audit (domain.md §15.2 rule 6): every read of personal data, in a collection of its own, apart from the
 * decisions' log and never changed. A read is recorded — durably, journaled on a majority — before the data is given
 * out; when it cannot be, the data is not given out at all ({@link AccessNotRecorded}).
 */
public class AccessAudit {

    static final String COLLECTION = "access_audit";
    private static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

    private final MongoCollection<Document> audit;
    private final Clock clock;
    private final ZoneId businessZone;

    public AccessAudit(MongoDatabase database, Clock clock, ZoneId businessZone) {
        this.audit = database.getCollection(COLLECTION).withWriteConcern(DURABLE);
        this.clock = clock;
        this.businessZone = businessZone;
    }

    /** Records a read about to be answered; throws {@link AccessNotRecorded} when the record is not durable. */
    public void record(String userId, String role, String actingForOrgId, String personId, AccessedData data,
                       AccessPurpose purpose) {
        recordAll(userId, role, actingForOrgId, List.of(personId), data, purpose);
    }

    /**
     * Records one read of each person's data about to be answered together (the names on a roster page), in one
     * durable write; throws {@link AccessNotRecorded} when they are not durable.
     */
    public void recordAll(String userId, String role, String actingForOrgId, List<String> personIds,
                          AccessedData data, AccessPurpose purpose) {
        if (personIds.isEmpty()) {
            return;
        }
        Date at = Date.from(clock.instant());
        List<Document> reads = personIds.stream().map(personId -> new Document("at", at)
                .append("userId", userId).append("role", role).append("actingForOrgId", actingForOrgId)
                .append("personId", personId).append("data", data.name()).append("purpose", purpose.name()))
                .toList();
        try {
            audit.insertMany(reads);
        } catch (MongoException e) {
            throw new AccessNotRecorded(e);
        }
    }

    /** The reads recorded on business days {@code from} to {@code to}, of one person or of all, oldest first. */
    public List<AccessRecord> reads(ReadAccessAudit query, int limit) {
        Instant start = query.from().atStartOfDay(businessZone).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(businessZone).toInstant();
        List<Bson> filters = new ArrayList<>(List.of(Filters.gte("at", Date.from(start)),
                Filters.lt("at", Date.from(end))));
        if (query.personId() != null) {
            filters.add(Filters.eq("personId", query.personId()));
        }
        List<AccessRecord> reads = new ArrayList<>();
        for (Document read : audit.find(Filters.and(filters)).sort(Sorts.ascending("at", "_id")).limit(limit)) {
            reads.add(new AccessRecord(read.getDate("at").toInstant(), read.getString("userId"),
                    read.getString("role"), read.getString("actingForOrgId"), read.getString("personId"),
                    AccessedData.valueOf(read.getString("data")), AccessPurpose.valueOf(read.getString("purpose"))));
        }
        return reads;
    }
}

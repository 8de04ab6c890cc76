package vn.partyledger.query.roster;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps {@code branch_rosters}, one document per branch. Handlers of different members of one branch may run in
 * different segments at once, so each edit is a read, change and compare-and-set on the document's version.
 */
@ProcessingGroup(BranchRosterProjection.PROCESSING_GROUP)
public class BranchRosterProjection {

    public static final String PROCESSING_GROUP = "branch-roster";
    public static final String COLLECTION = "branch_rosters";

    private final MongoCollection<Document> rosters;

    public BranchRosterProjection(MongoDatabase database) {
        this.rosters = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(OrganisationEstablished event, @SequenceNumber long sequence) {
        if (event.kind().isBranch()) {
            edit(event.orgId(), roster -> roster.establish(sequence, event.name(), event.parentOrgId(),
                    event.effectiveDate()));
        }
    }

    @EventHandler
    void on(MemberAdmitted event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), roster -> roster.openPeriod(event.memberId(), sequence, event.personId(),
                MemberStatus.PROBATIONARY, event.ceremonyDate(), event.probationEndDate(),
                event.admissionDecisionDate()));
    }

    @QueryHandler
    Optional<BranchRoster> handle(FindBranchRoster query) {
        return Optional.ofNullable(rosters.find(Filters.eq("_id", query.orgId())).first())
                .filter(document -> document.containsKey("name"))
                .map(document -> new RosterDocument(document).asOf(query.asOf()));
    }

    private void edit(String orgId, Predicate<RosterDocument> change) {
        while (true) {
            Document stored = rosters.find(Filters.eq("_id", orgId)).first();
            RosterDocument roster = stored == null ? RosterDocument.empty(orgId) : new RosterDocument(stored);
            long version = roster.version();
            if (!change.test(roster)) {
                return;
            }
            roster.document().put("version", version + 1);
            if (stored == null ? inserted(roster.document()) : replaced(orgId, version, roster.document())) {
                return;
            }
        }
    }

    private boolean inserted(Document document) {
        try {
            rosters.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private boolean replaced(String orgId, long version, Document document) {
        return rosters.replaceOne(Filters.and(Filters.eq("_id", orgId), Filters.eq("version", version)), document)
                .getMatchedCount() == 1;
    }
}

package vn.partyledger.query.roster;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.transfer.MemberHomeChanged;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps {@code branch_rosters}, one document per branch. Handlers of different members of one branch may run in
 * different segments at once, so each edit is a read, change and compare-and-set. The compare-and-set filters on one
 * unique field, {@code revision} (branch id and version), because the embedded server answers from an index only a
 * filter on exactly one unique key; {@code {_id, version}} would scan every roster on every event.
 */
@ProcessingGroup(BranchRosterProjection.PROCESSING_GROUP)
public class BranchRosterProjection {

    public static final String PROCESSING_GROUP = "branch-roster";
    public static final String COLLECTION = "branch_rosters";

    private final MongoCollection<Document> rosters;

    public BranchRosterProjection(MongoDatabase database) {
        this.rosters = database.getCollection(COLLECTION);
        rosters.createIndex(Indexes.ascending(RosterDocument.REVISION), new IndexOptions().unique(true));
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

    /** Full membership counts from the end of probation, even when the decision came later (domain.md §6). */
    @EventHandler
    void on(FullMembershipRecognized event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), roster -> roster.changeStatus(event.memberId(), sequence, MemberStatus.FULL,
                event.effectiveDate()));
    }

    @EventHandler
    void on(ProbationaryMemberStruckOff event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), roster -> roster.closePeriod(event.memberId(), sequence, event.decisionDate()));
    }

    /** A merge or split moved the member: the old branch's period ends, the new branch's begins the same day. */
    @EventHandler
    void on(MemberCollectivelyTransferred event, @SequenceNumber long sequence) {
        move(event.memberId(), event.fromOrgId(), event.toOrgId(), event.effectiveDate(), sequence);
    }

    /** An official transfer letter was presented: the member's home is the receiving branch from that day. */
    @EventHandler
    void on(MemberHomeChanged event, @SequenceNumber long sequence) {
        move(event.memberId(), event.fromOrgId(), event.toOrgId(), event.effectiveDate(), sequence);
    }

    private void move(String memberId, String fromOrgId, String toOrgId, LocalDate date, long sequence) {
        edit(fromOrgId, roster -> roster.closePeriod(memberId, sequence, date));
        memberEntry(fromOrgId, memberId).ifPresent(member -> edit(toOrgId,
                roster -> roster.openPeriod(memberId, sequence, member.getString("personId"),
                        RosterDocument.lastStatus(member), date,
                        RosterDocument.date(member, "probationEndDate"),
                        RosterDocument.date(member, "admissionDecisionDate"))));
    }

    @QueryHandler
    Optional<BranchRoster> handle(FindBranchRoster query) {
        return Optional.ofNullable(rosters.find(Filters.eq("_id", query.orgId())).first())
                .filter(document -> document.containsKey("name"))
                .map(document -> new RosterDocument(document).asOf(query.asOf()));
    }

    private Optional<Document> memberEntry(String orgId, String memberId) {
        return Optional.ofNullable(rosters.find(Filters.eq("_id", orgId)).first())
                .map(roster -> roster.get("members", Document.class).get(memberId, Document.class));
    }

    private void edit(String orgId, Predicate<RosterDocument> change) {
        while (true) {
            Document stored = rosters.find(Filters.eq("_id", orgId)).first();
            RosterDocument roster = stored == null ? RosterDocument.empty(orgId) : new RosterDocument(stored);
            String revision = roster.revision();
            if (!change.test(roster)) {
                return;
            }
            roster.nextRevision();
            if (stored == null ? inserted(roster.document()) : replaced(revision, roster.document())) {
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

    private boolean replaced(String revision, Document document) {
        return rosters.replaceOne(Filters.eq(RosterDocument.REVISION, revision), document).getMatchedCount() == 1;
    }
}

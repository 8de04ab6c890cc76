package vn.partyledger.query.due;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.due.DueKind;
import vn.partyledger.domain.due.DueList;
import vn.partyledger.domain.due.DueListChanged;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.ApplicationFileExpired;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TemporaryAttachmentExtended;
import vn.partyledger.domain.transfer.TransferCancelled;
import vn.partyledger.domain.transfer.TransferEndedByDeath;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps {@code due_items} (ADR 0034, 0041): one document per thing due, keyed by its subject (member or transfer), kind
 * and the day it opened, holding the branch that must act, the due date and the day it was settled. Deadlines in
 * working days are counted with the published calendar and the policy the rules use. Every write sets the same values
 * again when an event comes twice, and a settled item keeps the first day it was settled, so redelivery changes
 * nothing. {@code due_members} holds each member's branch, which the events about a candidate's file do not carry.
 * A branch below the Charter's minimum is not stored: it is read from the branch rosters on the date asked. After each
 * change the live due lists are told, through Axon's subscription queries (ADR 0041).
 */
@ProcessingGroup(DueListProjection.PROCESSING_GROUP)
public class DueListProjection {

    public static final String PROCESSING_GROUP = "due-list";
    public static final String ITEMS = "due_items";
    public static final String MEMBERS = "due_members";

    private final MongoCollection<Document> items;
    private final MongoCollection<Document> members;
    private final WorkingDayCalendar calendar;
    private final AdmissionPolicy admission;
    private final RecruitmentPolicy recruitment;
    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final FullMembersOnRoll fullMembers;
    private final QueryUpdateEmitter liveDueLists;

    /**
     * {@code tree} answers the organisation tree on a date (the organisation tree projection's query, ADR 0032),
     * {@code fullMembers} the branches' full members over time (the branch rosters'); {@code liveDueLists} tells the
     * due lists followed live.
     */
    public DueListProjection(MongoDatabase database, WorkingDayCalendar calendar, AdmissionPolicy admission,
                             RecruitmentPolicy recruitment, Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                             FullMembersOnRoll fullMembers, QueryUpdateEmitter liveDueLists) {
        this.items = database.getCollection(ITEMS);
        this.members = database.getCollection(MEMBERS);
        this.calendar = calendar;
        this.admission = admission;
        this.recruitment = recruitment;
        this.tree = tree;
        this.fullMembers = fullMembers;
        this.liveDueLists = liveDueLists;
    }

    @EventHandler
    void on(OutstandingCandidateRegistered event) {
        placed(event.memberId(), event.branchId());
    }

    @EventHandler
    void on(MemberImported event) {
        placed(event.memberId(), event.homeOrgId());
        if (event.status() == MemberStatus.PROBATIONARY) {
            probationStarted(event.memberId(), event.homeOrgId(), event.probationEndDate());
        }
    }

    /**
     * The certificate is valid for the branch vote for the policy's months after its issue, as the rules count it
     * (I5); a later certificate (the course taken again) replaces it from its own issue.
     */
    @EventHandler
    void on(AwarenessCourseCompleted event) {
        String memberId = event.memberId();
        settleReplaced(Filters.eq(DueItem.MEMBER, memberId), DueKind.CERTIFICATE_STALE, event.issueDate(),
                DueItem.id(DueKind.CERTIFICATE_STALE, memberId, null, event.issueDate()));
        open(DueKind.CERTIFICATE_STALE, memberId, null, branchOf(memberId), event.issueDate(),
                event.issueDate().plusMonths(recruitment.awarenessCertificateValidityMonths()));
    }

    /** The file is stale after the policy's months from its compiling without a passed branch vote (I5, FILE_STALE). */
    @EventHandler
    void on(ApplicationSubmitted event) {
        open(DueKind.FILE_STALE, event.memberId(), null, branchOf(event.memberId()), event.applicationDate(),
                event.applicationDate().plusMonths(recruitment.fileStaleMonths()));
    }

    /** A passed vote is what the certificate and the file had to be fresh for. */
    @EventHandler
    void on(BranchAdmissionVoteRecorded event) {
        if (event.passed()) {
            settle(event.memberId(), DueKind.CERTIFICATE_STALE, event.voteDate());
            settle(event.memberId(), DueKind.FILE_STALE, event.voteDate());
            open(DueKind.ADMISSION_DECISION, event.memberId(), null, branchOf(event.memberId()), event.voteDate(),
                    workingDaysAfter(event.voteDate(), recruitment.admissionDecisionDeadlineWorkingDays()));
        }
    }

    @EventHandler
    void on(AdmissionApproved event) {
        settle(event.memberId(), DueKind.ADMISSION_DECISION, event.decisionDate());
        open(DueKind.CEREMONY, event.memberId(), null, branchOf(event.memberId()), event.receivedByBranchOn(),
                workingDaysAfter(event.receivedByBranchOn(), admission.ceremonyDeadlineWorkingDays()));
    }

    /** A refusal closes the file, with whatever else was due on it. */
    @EventHandler
    void on(AdmissionRefused event) {
        settleAll(event.memberId(), event.decisionDate());
    }

    @EventHandler
    void on(ApplicationWithdrawn event) {
        settleAll(event.memberId(), event.withdrawnOn());
    }

    @EventHandler
    void on(ApplicationFileExpired event) {
        settleAll(event.memberId(), event.expiredOn());
    }

    @EventHandler
    void on(MemberAdmitted event) {
        settle(event.memberId(), DueKind.CEREMONY, event.ceremonyDate());
        probationStarted(event.memberId(), event.homeOrgId(), event.probationEndDate());
    }

    /** The branch's first vote on recognition is the review the deadline asks for, whatever its outcome. */
    @EventHandler
    void on(RecognitionVoteRecorded event) {
        if (event.level() == VoteLevel.BRANCH) {
            settle(event.memberId(), DueKind.RECOGNITION_REVIEW, event.voteDate());
        }
    }

    @EventHandler
    void on(FullMembershipRecognized event) {
        settle(event.memberId(), DueKind.PROBATION_END, event.decisionDate());
        settle(event.memberId(), DueKind.RECOGNITION_REVIEW, event.decisionDate());
    }

    @EventHandler
    void on(ProbationaryMemberStruckOff event) {
        settleAll(event.memberId(), event.decisionDate());
    }

    @EventHandler
    void on(MemberStruckOff event) {
        settleAll(event.memberId(), event.effectiveDate());
    }

    @EventHandler
    void on(MemberDeceased event) {
        settleAll(event.memberId(), event.dateOfDeath());
    }

    @EventHandler
    void on(TransferLetterIssued event) {
        open(DueKind.TRANSFER_LETTER, event.memberId(), event.transferId(), event.fromOrgId(), event.letterDate(),
                event.presentBy());
    }

    /**
     * Only the letter: the attachment a temporary letter's presentation begins is the member's event, which may be
     * handled first.
     */
    @EventHandler
    void on(TransferLetterPresented event) {
        settleTransfer(event.memberId(), event.transferId(), DueKind.TRANSFER_LETTER, event.presentedDate());
    }

    @EventHandler
    void on(TransferCancelled event) {
        settleTransfer(event.memberId(), event.transferId(), DueKind.TRANSFER_LETTER, event.cancelledOn());
    }

    /** Death ends the letter in transit or the attachment in force, whichever the transfer had open. */
    @EventHandler
    void on(TransferEndedByDeath event) {
        settleOpen(event.memberId(), Filters.eq(DueItem.TRANSFER, event.transferId()), event.dateOfDeath());
    }

    /**
     * The attachment ends on the return it expects (I17), live or imported: the home branch, which extends it and
     * keeps the member on its roll, sees it coming (ADR 0041).
     */
    @EventHandler
    void on(MemberTemporarilyAttached event) {
        open(DueKind.ATTACHMENT_END, event.memberId(), event.transferId(), event.homeOrgId(), event.from(),
                event.expectedReturn());
    }

    /** Until the extension, the attachment was due to end on the earlier day; from it, on the new one. */
    @EventHandler
    void on(TemporaryAttachmentExtended event) {
        String extended = DueItem.id(DueKind.ATTACHMENT_END, event.memberId(), event.transferId(), event.extendedOn());
        settleReplaced(Filters.eq(DueItem.TRANSFER, event.transferId()), DueKind.ATTACHMENT_END, event.extendedOn(),
                extended);
        open(DueKind.ATTACHMENT_END, event.memberId(), event.transferId(), branchOf(event.memberId()),
                event.extendedOn(), event.newUntil());
    }

    @EventHandler
    void on(TemporaryAttachmentEnded event) {
        settleTransfer(event.memberId(), event.transferId(), DueKind.ATTACHMENT_END, event.returnDate());
    }

    @EventHandler
    void on(ExemptionGranted event) {
        exemptionGranted(event.memberId(), event.kind(), event.from(), event.until());
    }

    @EventHandler
    void on(ExemptionImported event) {
        exemptionGranted(event.memberId(), event.kind(), event.from(), event.until());
    }

    @EventHandler
    void on(ExemptionEnded event) {
        settle(event.memberId(), DueKind.EXEMPTION_END, event.endedOn());
    }

    /** An annulled exemption never was (I30): its end was never due, on any date. */
    @EventHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.EXEMPTION_GRANTED) {
            items.deleteOne(Filters.eq("_id",
                    DueItem.id(DueKind.EXEMPTION_END, event.memberId(), null, event.entryDate())));
            changed(event.memberId());
        }
    }

    /** An open item moves with its member: the new branch acts on it. */
    @EventHandler
    void on(MemberHomeChanged event) {
        moved(event.memberId(), event.toOrgId());
    }

    @EventHandler
    void on(MemberCollectivelyTransferred event) {
        moved(event.memberId(), event.toOrgId());
    }

    /**
     * The items open at the end of the date for the branches in the organisation's tree that day, due by the end of
     * the window, earliest first. Empty when the organisation was not founded by then.
     */
    @QueryHandler
    Optional<DueList> handle(FindDueList query) {
        return tree.apply(new FindOrganisationTree(query.orgId(), query.asOf())).map(root -> {
            Set<String> branches = new HashSet<>();
            collect(root, branches);
            LocalDate horizon = query.asOf().plusDays(query.withinDays());
            List<DueList.Item> due = new ArrayList<>();
            items.find(Filters.and(Filters.in(DueItem.BRANCH, branches), Filters.lte(DueItem.DUE_ON, horizon.toString())))
                    .map(DueItem::new)
                    .forEach(item -> item.openOn(query.asOf()).ifPresent(due::add));
            root.children().forEach(child -> belowMinimum(child, query.asOf(), due));
            due.sort(Comparator.comparing(DueList.Item::dueOn)
                    .thenComparing(DueList.Item::memberId, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(DueList.Item::branchId));
            return new DueList(query.orgId(), query.asOf(), query.withinDays(), List.copyOf(due));
        });
    }

    private static void collect(OrganisationTree organisation, Set<String> into) {
        into.add(organisation.orgId());
        organisation.children().forEach(child -> collect(child, into));
    }

    /**
     * The branches under the organisation asking with fewer full members on their roll that day than the Charter
     * asks: its superior committee acts (merges the branch or attaches its members), so a branch's own list does not
     * show it. Due from the day it fell below, without a deadline of its own.
     */
    private void belowMinimum(OrganisationTree organisation, LocalDate date, List<DueList.Item> into) {
        if (organisation.kind().isBranch()) {
            fullMembers.belowSince(organisation.orgId(), date, OrganisationKind.MIN_FULL_MEMBERS).ifPresent(since ->
                    into.add(new DueList.Item(DueKind.BRANCH_BELOW_MINIMUM, null, null, organisation.orgId(), since,
                            since, since.isBefore(date), false, DueKind.BRANCH_BELOW_MINIMUM.rule())));
        }
        organisation.children().forEach(child -> belowMinimum(child, date, into));
    }

    private void placed(String memberId, String branchId) {
        members.replaceOne(Filters.eq("_id", memberId), new Document("_id", memberId).append(DueItem.BRANCH, branchId),
                new ReplaceOptions().upsert(true));
    }

    private String branchOf(String memberId) {
        Document member = members.find(Filters.eq("_id", memberId)).first();
        return member == null ? null : member.getString(DueItem.BRANCH);
    }

    private void moved(String memberId, String branchId) {
        placed(memberId, branchId);
        items.updateMany(Filters.and(Filters.eq(DueItem.MEMBER, memberId), Filters.eq(DueItem.SETTLED_ON, null)),
                Updates.set(DueItem.BRANCH, branchId));
        changed(memberId);
    }

    private void probationStarted(String memberId, String branchId, LocalDate probationEnd) {
        placed(memberId, branchId);
        open(DueKind.PROBATION_END, memberId, null, branchId, probationEnd.minusMonths(admission.probationMonths()),
                probationEnd);
        open(DueKind.RECOGNITION_REVIEW, memberId, null, branchId, probationEnd,
                workingDaysAfter(probationEnd, recruitment.recognitionReviewDeadlineWorkingDays()));
    }

    private void exemptionGranted(String memberId, ExemptionKind kind, LocalDate from, LocalDate until) {
        if (kind == ExemptionKind.TEMPORARY && until != null) {
            open(DueKind.EXEMPTION_END, memberId, null, branchOf(memberId), from, until);
        }
    }

    /**
     * The deadline in working days, as the rules count it; empty when it reaches a year whose calendar is not
     * published (WORKING_DAY_CALENDAR). The item is listed all the same, flagged, never counted from weekends alone —
     * and an event is never parked for it.
     */
    private Optional<LocalDate> workingDaysAfter(LocalDate start, int workingDays) {
        try {
            return Optional.of(calendar.plusWorkingDays(start, workingDays));
        } catch (RuleViolation yearNotPublished) {
            return Optional.empty();
        }
    }

    private void open(DueKind kind, String memberId, String transferId, String branchId, LocalDate since,
                      LocalDate dueOn) {
        open(kind, memberId, transferId, branchId, since, Optional.of(dueOn));
    }

    private void open(DueKind kind, String memberId, String transferId, String branchId, LocalDate since,
                      Optional<LocalDate> dueOn) {
        Document item = DueItem.open(kind, memberId, transferId, branchId, since, dueOn);
        Object id = item.remove("_id");
        items.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", item), new UpdateOptions().upsert(true));
        changed(memberId);
    }

    private void settle(String memberId, DueKind kind, LocalDate on) {
        settleOpen(memberId, Filters.and(Filters.eq(DueItem.MEMBER, memberId), Filters.eq(DueItem.KIND, kind.name())),
                on);
    }

    private void settleAll(String memberId, LocalDate on) {
        settleOpen(memberId, Filters.eq(DueItem.MEMBER, memberId), on);
    }

    private void settleTransfer(String memberId, String transferId, DueKind kind, LocalDate on) {
        settleOpen(memberId, Filters.and(Filters.eq(DueItem.TRANSFER, transferId), Filters.eq(DueItem.KIND,
                kind.name())), on);
    }

    /**
     * Settles the subject's open item of the kind that a new one replaces, but not the new one ({@code replacementId}):
     * redelivered, the event finds its own item open and leaves it so.
     */
    private void settleReplaced(Bson subject, DueKind kind, LocalDate on, String replacementId) {
        items.updateMany(Filters.and(subject, Filters.eq(DueItem.KIND, kind.name()), Filters.ne("_id", replacementId),
                Filters.eq(DueItem.SETTLED_ON, null)), Updates.set(DueItem.SETTLED_ON, on.toString()));
    }

    private void settleOpen(String memberId, Bson which, LocalDate on) {
        items.updateMany(Filters.and(which, Filters.eq(DueItem.SETTLED_ON, null)),
                Updates.set(DueItem.SETTLED_ON, on.toString()));
        changed(memberId);
    }

    /**
     * Tells the live due lists, once the event's unit of work has committed; each reads its list again and sends it
     * only when it changed. Axon evaluates nothing when no one follows, as in a replay.
     */
    private void changed(String memberId) {
        liveDueLists.emit(FindDueList.class, query -> true, new DueListChanged(memberId));
    }
}

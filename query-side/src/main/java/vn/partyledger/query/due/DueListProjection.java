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
import org.bson.Document;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.due.DueKind;
import vn.partyledger.domain.due.DueList;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.ApplicationFileExpired;
import vn.partyledger.domain.member.ApplicationWithdrawn;
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
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;
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
 * Keeps {@code due_items} (ADR 0034): one document per thing due, keyed by its subject (member or transfer), kind and
 * the day it opened, holding the branch that must act, the due date and the day it was settled. Deadlines in working
 * days are counted with the published calendar and the policy the rules use. Every write sets the same values again
 * when an event comes twice, and a settled item keeps the first day it was settled, so redelivery changes nothing.
 * {@code due_members} holds each member's branch, which the events about a candidate's file do not carry.
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

    /** {@code tree} answers the organisation tree on a date (the organisation tree projection's query, ADR 0032). */
    public DueListProjection(MongoDatabase database, WorkingDayCalendar calendar, AdmissionPolicy admission,
                             RecruitmentPolicy recruitment, Function<FindOrganisationTree, Optional<OrganisationTree>> tree) {
        this.items = database.getCollection(ITEMS);
        this.members = database.getCollection(MEMBERS);
        this.calendar = calendar;
        this.admission = admission;
        this.recruitment = recruitment;
        this.tree = tree;
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

    @EventHandler
    void on(BranchAdmissionVoteRecorded event) {
        if (event.passed()) {
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

    @EventHandler
    void on(AdmissionRefused event) {
        settle(event.memberId(), DueKind.ADMISSION_DECISION, event.decisionDate());
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

    @EventHandler
    void on(TransferLetterPresented event) {
        settleLetter(event.transferId(), event.presentedDate());
    }

    @EventHandler
    void on(TransferCancelled event) {
        settleLetter(event.transferId(), event.cancelledOn());
    }

    @EventHandler
    void on(TransferEndedByDeath event) {
        settleLetter(event.transferId(), event.dateOfDeath());
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
            due.sort(Comparator.comparing(DueList.Item::dueOn).thenComparing(DueList.Item::memberId));
            return new DueList(query.orgId(), query.asOf(), query.withinDays(), List.copyOf(due));
        });
    }

    private static void collect(OrganisationTree organisation, Set<String> into) {
        into.add(organisation.orgId());
        organisation.children().forEach(child -> collect(child, into));
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
    }

    private void settle(String memberId, DueKind kind, LocalDate on) {
        items.updateMany(Filters.and(Filters.eq(DueItem.MEMBER, memberId), Filters.eq(DueItem.KIND, kind.name()),
                Filters.eq(DueItem.SETTLED_ON, null)), Updates.set(DueItem.SETTLED_ON, on.toString()));
    }

    private void settleAll(String memberId, LocalDate on) {
        items.updateMany(Filters.and(Filters.eq(DueItem.MEMBER, memberId), Filters.eq(DueItem.SETTLED_ON, null)),
                Updates.set(DueItem.SETTLED_ON, on.toString()));
    }

    private void settleLetter(String transferId, LocalDate on) {
        items.updateMany(Filters.and(Filters.eq(DueItem.TRANSFER, transferId), Filters.eq(DueItem.SETTLED_ON, null)),
                Updates.set(DueItem.SETTLED_ON, on.toString()));
    }
}

package vn.partyledger.query.due;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
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
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.transfer.MemberTransferOpened;
import vn.partyledger.domain.transfer.TemporaryAttachmentImported;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TemporaryAttachmentExtended;
import vn.partyledger.domain.transfer.TransferCancelled;
import vn.partyledger.domain.transfer.TransferEndedByDeath;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.transfer.TransferType;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.query.batch.BatchedDocuments;
import vn.partyledger.query.batch.BatchedUpdates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps {@code due_items} (ADR 0034, 0041): one document per thing due, keyed by its subject (member or transfer), kind
 * and the day it opened, holding the branch that must act, the due date and the day it was settled. Deadlines in
 * working days are counted with the published calendar and the policy the rules use. {@code due_subjects} holds, per
 * member and per transfer case, what the events of that one aggregate opened and have not settled ({@link DueSubject}),
 * so every write and every read the events make is by {@code _id}, and is held for the processor batch (ADR 0038). An
 * item is settled on the earliest day any event settled it ({@code $min}), so the events of a member and of its
 * transfer case settle it alike in either order; an event its subject's record says was applied changes nothing.
 * A branch below the Charter's minimum is not stored: it is read from the branch rosters on the date asked. After each
 * change the live due lists are told, through Axon's subscription queries (ADR 0041).
 */
@ProcessingGroup(DueListProjection.PROCESSING_GROUP)
public class DueListProjection {

    public static final String PROCESSING_GROUP = "due-list";
    public static final String ITEMS = "due_items";
    public static final String SUBJECTS = "due_subjects";
    /** The transfer case's events, whose aggregate is the case: the rest the due list handles are the member's. */
    private static final Set<Class<?>> TRANSFER_CASE_EVENTS = Set.of(TransferLetterIssued.class,
            TransferLetterPresented.class, TransferCancelled.class, TransferEndedByDeath.class,
            TemporaryAttachmentImported.class, TemporaryAttachmentExtended.class, TemporaryAttachmentEnded.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final UpdateOptions EXISTING = new UpdateOptions();

    private final MongoCollection<Document> items;
    private final BatchedUpdates itemWrites;
    private final BatchedDocuments subjects;
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
        this.itemWrites = new BatchedUpdates(items);
        this.subjects = new BatchedDocuments(database.getCollection(SUBJECTS), DueListProjection::subjectRead);
        this.calendar = calendar;
        this.admission = admission;
        this.recruitment = recruitment;
        this.tree = tree;
        this.fullMembers = fullMembers;
        this.liveDueLists = liveDueLists;
    }

    /** The record each event reads first: its aggregate's, a member's or a transfer case's. */
    private static Stream<?> subjectRead(Message<?> message) {
        if (!(message instanceof DomainEventMessage<?> event)) {
            return Stream.empty();
        }
        return Stream.of(TRANSFER_CASE_EVENTS.contains(event.getPayloadType())
                ? DueSubject.transfer(event.getAggregateIdentifier())
                : DueSubject.member(event.getAggregateIdentifier()));
    }

    @EventHandler
    void on(OutstandingCandidateRegistered event) {
        member(event.memberId(), member -> member.placeIn(event.branchId()));
    }

    @EventHandler
    void on(MemberImported event) {
        member(event.memberId(), member -> {
            member.placeIn(event.homeOrgId());
            if (event.status() == MemberStatus.PROBATIONARY) {
                probationStarted(member, event.memberId(), event.homeOrgId(), event.probationEndDate());
            }
        });
    }

    /** A probationary member from another province is due for recognition here, from the end the letter carried. */
    @EventHandler
    void on(MemberJoinedFromProvince event) {
        member(event.memberId(), member -> {
            member.placeIn(event.homeOrgId());
            if (event.status() == MemberStatus.PROBATIONARY && event.probationEndDate() != null) {
                probationStarted(member, event.memberId(), event.homeOrgId(), event.probationEndDate());
            }
        });
    }

    /** Off this province's roll: what was open for the member here is another province's now (ADR 0050). */
    @EventHandler
    void on(MemberLeftForProvince event) {
        settleAll(event.memberId(), event.leftOn());
    }

    /**
     * The certificate is valid for the branch vote for the policy's months after its issue, as the rules count it
     * (I5); a later certificate (the course taken again) replaces it from its own issue.
     */
    @EventHandler
    void on(AwarenessCourseCompleted event) {
        String memberId = event.memberId();
        String replacement = DueItem.id(DueKind.CERTIFICATE_STALE, memberId, null, event.issueDate());
        member(memberId, member -> {
            member.open(DueKind.CERTIFICATE_STALE).stream().filter(id -> !id.equals(replacement))
                    .forEach(id -> settle(member, id, event.issueDate()));
            open(member, DueKind.CERTIFICATE_STALE, memberId, null, member.branch(), event.issueDate(),
                    event.issueDate().plusMonths(recruitment.awarenessCertificateValidityMonths()));
        });
    }

    /** The file is stale after the policy's months from its compiling without a passed branch vote (I5, FILE_STALE). */
    @EventHandler
    void on(ApplicationSubmitted event) {
        member(event.memberId(), member -> open(member, DueKind.FILE_STALE, event.memberId(), null, member.branch(),
                event.applicationDate(), event.applicationDate().plusMonths(recruitment.fileStaleMonths())));
    }

    /** A passed vote is what the certificate and the file had to be fresh for. */
    @EventHandler
    void on(BranchAdmissionVoteRecorded event) {
        if (event.passed()) {
            member(event.memberId(), member -> {
                settle(member, DueKind.CERTIFICATE_STALE, event.voteDate());
                settle(member, DueKind.FILE_STALE, event.voteDate());
                open(member, DueKind.ADMISSION_DECISION, event.memberId(), null, member.branch(), event.voteDate(),
                        workingDaysAfter(event.voteDate(), recruitment.admissionDecisionDeadlineWorkingDays()));
            });
        }
    }

    @EventHandler
    void on(AdmissionApproved event) {
        member(event.memberId(), member -> {
            settle(member, DueKind.ADMISSION_DECISION, event.decisionDate());
            open(member, DueKind.CEREMONY, event.memberId(), null, member.branch(), event.receivedByBranchOn(),
                    workingDaysAfter(event.receivedByBranchOn(), admission.ceremonyDeadlineWorkingDays()));
        });
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
        member(event.memberId(), member -> {
            settle(member, DueKind.CEREMONY, event.ceremonyDate());
            member.placeIn(event.homeOrgId());
            probationStarted(member, event.memberId(), event.homeOrgId(), event.probationEndDate());
        });
    }

    /** The branch's first vote on recognition is the review the deadline asks for, whatever its outcome. */
    @EventHandler
    void on(RecognitionVoteRecorded event) {
        if (event.level() == VoteLevel.BRANCH) {
            member(event.memberId(), member -> settle(member, DueKind.RECOGNITION_REVIEW, event.voteDate()));
        }
    }

    @EventHandler
    void on(FullMembershipRecognized event) {
        member(event.memberId(), member -> {
            settle(member, DueKind.PROBATION_END, event.decisionDate());
            settle(member, DueKind.RECOGNITION_REVIEW, event.decisionDate());
        });
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

    /** The member's side of a letter: the member's later events reach the case's items through it. */
    @EventHandler
    void on(MemberTransferOpened event) {
        member(event.memberId(), member -> member.transferOpened(event.transferId()));
    }

    /** Cancelled or its attachment ended: the case's own events settled what it had open. */
    @EventHandler
    void on(MemberTransferClosed event) {
        member(event.memberId(), member -> member.transferClosed(event.transferId()));
    }

    @EventHandler
    void on(TransferLetterIssued event) {
        transfer(event.transferId(), event.memberId(), transfer -> {
            transfer.expectReturn(event.expectedReturn());
            open(transfer, DueKind.TRANSFER_LETTER, event.memberId(), event.transferId(), event.fromOrgId(),
                    event.letterDate(), event.presentBy());
        });
    }

    /**
     * Only the letter: the attachment a temporary letter's presentation begins is opened by the member's event, which
     * may be handled first or later; the case notes the day it is due to end, so it settles it by its {@code _id}.
     */
    @EventHandler
    void on(TransferLetterPresented event) {
        transfer(event.transferId(), event.memberId(), transfer -> {
            settle(transfer, DueKind.TRANSFER_LETTER, event.presentedDate());
            if (event.type() == TransferType.TEMPORARY) {
                transfer.expectedReturn().ifPresent(transfer::attachedUntil);
            }
        });
    }

    @EventHandler
    void on(TransferCancelled event) {
        transfer(event.transferId(), event.memberId(),
                transfer -> settle(transfer, DueKind.TRANSFER_LETTER, event.cancelledOn()));
    }

    /** Death ends the letter in transit or the attachment in force, whichever the transfer had open. */
    @EventHandler
    void on(TransferEndedByDeath event) {
        transfer(event.transferId(), event.memberId(), transfer -> {
            attachmentEnded(transfer, event.transferId(), event.dateOfDeath());
            transfer.open().forEach(entry -> settle(transfer, DueSubject.itemId(entry), event.dateOfDeath()));
        });
    }

    /**
     * The attachment ends on the return it expects (I17), live or imported: the home branch, which extends it and
     * keeps the member on its roll, sees it coming (ADR 0041).
     */
    @EventHandler
    void on(MemberTemporarilyAttached event) {
        member(event.memberId(), member -> {
            member.transferOpened(event.transferId());
            open(member, DueKind.ATTACHMENT_END, event.memberId(), event.transferId(), event.homeOrgId(),
                    event.from(), event.expectedReturn());
        });
    }

    /** An attachment imported with the member's record: the case knows the day it is due to end. */
    @EventHandler
    void on(TemporaryAttachmentImported event) {
        transfer(event.transferId(), event.memberId(), transfer -> transfer.attachedUntil(event.expectedReturn()));
    }

    /**
     * Until the extension, the attachment was due to end on the earlier day; from it, on the new one, under the
     * member's branch of the day it is handled.
     */
    @EventHandler
    void on(TemporaryAttachmentExtended event) {
        transfer(event.transferId(), event.memberId(), transfer -> {
            settleAttachmentEnd(transfer, DueItem.attachmentEnd(event.transferId(), event.previousUntil()),
                    event.extendedOn());
            open(transfer, DueKind.ATTACHMENT_END, event.memberId(), event.transferId(),
                    subject(DueSubject.member(event.memberId())).branch(), event.extendedOn(), event.newUntil());
            transfer.attachedUntil(event.newUntil());
        });
    }

    @EventHandler
    void on(TemporaryAttachmentEnded event) {
        transfer(event.transferId(), event.memberId(),
                transfer -> attachmentEnded(transfer, event.transferId(), event.returnDate()));
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
        member(event.memberId(), member -> settle(member, DueKind.EXEMPTION_END, event.endedOn()));
    }

    /** An annulled exemption never was (I30): its end was never due, on any date. */
    @EventHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.EXEMPTION_GRANTED) {
            String annulled = DueItem.id(DueKind.EXEMPTION_END, event.memberId(), null, event.entryDate());
            member(event.memberId(), member -> {
                itemWrites.deleteOne(annulled);
                member.settled(annulled);
            });
        }
    }

    /**
     * An open item moves with its member: the new branch acts on it. The letter of the transfer that moves the member
     * does not: its presentation settled it that day.
     */
    @EventHandler
    void on(MemberHomeChanged event) {
        member(event.memberId(), member -> {
            member.transferClosed(event.transferId());
            moved(member, event.toOrgId());
        });
    }

    @EventHandler
    void on(MemberCollectivelyTransferred event) {
        member(event.memberId(), member -> moved(member, event.toOrgId()));
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

    /** Applies an event of the member's to the member's record, unless it was applied already. */
    private void member(String memberId, Consumer<DueSubject> change) {
        apply(DueSubject.member(memberId), memberId, change);
    }

    /** Applies an event of the transfer case's to the case's record, unless it was applied already. */
    private void transfer(String transferId, String memberId, Consumer<DueSubject> change) {
        apply(DueSubject.transfer(transferId), memberId, change);
    }

    /**
     * The item writes of the event go before its subject's record is replaced, in the batch too (ADR 0038): an event
     * the record says was applied has had its items written.
     */
    private void apply(String subjectId, String memberId, Consumer<DueSubject> change) {
        DueSubject subject = subject(subjectId);
        OptionalLong sequence = sequenceOfCurrentEvent();
        if (sequence.isPresent() && subject.applied(sequence.getAsLong())) {
            return;
        }
        change.accept(subject);
        sequence.ifPresent(subject::apply);
        subjects.replace(subject.document());
        changed(memberId);
    }

    private DueSubject subject(String subjectId) {
        return subjects.find(subjectId).map(DueSubject::new).orElseGet(() -> DueSubject.named(subjectId));
    }

    /**
     * The number of the event being handled in its aggregate's stream; none for an event handled outside a unit of
     * work, as the projection's tests hand them, where every write is idempotent on its own.
     */
    private static OptionalLong sequenceOfCurrentEvent() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof DomainEventMessage<?> event
                ? OptionalLong.of(event.getSequenceNumber()) : OptionalLong.empty();
    }

    /**
     * The member's open items, and those of its open transfer cases but the attachment ends a case settled, each
     * settled by {@code _id}; the cases' records are read, not written: their own events write them.
     */
    private void settleAll(String memberId, LocalDate on) {
        member(memberId, member -> {
            otherSubjectsItems(member).forEach(id -> settle(id, on));
            member.open().forEach(entry -> settle(member, DueSubject.itemId(entry), on));
        });
    }

    private void moved(DueSubject member, String branchId) {
        member.placeIn(branchId);
        List<String> cases = otherSubjectsItems(member).toList();
        Stream.concat(member.open().stream().map(DueSubject::itemId), cases.stream())
                .forEach(id -> itemWrites.updateOne(Filters.eq("_id", id), Updates.set(DueItem.BRANCH, branchId),
                        EXISTING));
    }

    /**
     * The items open in the records of the member's open transfer cases (the case that moves the member home is closed
     * by then); the member's own entries the cases settled (an attachment's end) are dropped from its record here.
     */
    private Stream<String> otherSubjectsItems(DueSubject member) {
        List<String> items = new ArrayList<>();
        for (String transferId : member.transfers()) {
            DueSubject transfer = subject(DueSubject.transfer(transferId));
            transfer.attachmentsSettled().forEach(member::settled);
            transfer.open().stream().map(DueSubject::itemId).forEach(items::add);
        }
        return items.stream();
    }

    private void probationStarted(DueSubject member, String memberId, String branchId, LocalDate probationEnd) {
        open(member, DueKind.PROBATION_END, memberId, null, branchId,
                probationEnd.minusMonths(admission.probationMonths()), probationEnd);
        open(member, DueKind.RECOGNITION_REVIEW, memberId, null, branchId, probationEnd,
                workingDaysAfter(probationEnd, recruitment.recognitionReviewDeadlineWorkingDays()));
    }

    private void exemptionGranted(String memberId, ExemptionKind kind, LocalDate from, LocalDate until) {
        if (kind == ExemptionKind.TEMPORARY && until != null) {
            member(memberId, member -> open(member, DueKind.EXEMPTION_END, memberId, null, member.branch(), from,
                    until));
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

    private void open(DueSubject subject, DueKind kind, String memberId, String transferId, String branchId,
                      LocalDate since, LocalDate dueOn) {
        open(subject, kind, memberId, transferId, branchId, since, Optional.of(dueOn));
    }

    /**
     * Sets what the opening event says of the item, creating it: an attachment's end its case settled first (the
     * member's event handled later) is then completed.
     */
    private void open(DueSubject subject, DueKind kind, String memberId, String transferId, String branchId,
                      LocalDate since, Optional<LocalDate> dueOn) {
        Document item = DueItem.open(kind, memberId, transferId, branchId, since, dueOn);
        String id = (String) item.remove("_id");
        itemWrites.updateOne(Filters.eq("_id", id), new Document("$set", item), UPSERT);
        subject.opened(id, kind, transferId);
    }

    /** Settles the subject's open items of the kind. */
    private void settle(DueSubject subject, DueKind kind, LocalDate on) {
        subject.open(kind).forEach(id -> settle(subject, id, on));
    }

    private void settle(DueSubject subject, String itemId, LocalDate on) {
        settle(itemId, on);
        subject.settled(itemId);
    }

    /** The earliest day any event settled the item: events of two aggregates settle it alike in either order. */
    private void settle(String itemId, LocalDate on) {
        itemWrites.updateOne(Filters.eq("_id", itemId), Updates.min(DueItem.SETTLED_ON, on.toString()), EXISTING);
    }

    private void attachmentEnded(DueSubject transfer, String transferId, LocalDate on) {
        transfer.attachedUntil().ifPresent(until ->
                settleAttachmentEnd(transfer, DueItem.attachmentEnd(transferId, until), on));
        transfer.attachedUntil(null);
    }

    /**
     * Settles an attachment's end by its {@code _id}, creating it if the member's event that opens it is not handled
     * yet (another segment's), which then completes it.
     */
    private void settleAttachmentEnd(DueSubject transfer, String itemId, LocalDate on) {
        itemWrites.updateOne(Filters.eq("_id", itemId), Updates.min(DueItem.SETTLED_ON, on.toString()), UPSERT);
        transfer.attachmentSettled(itemId);
    }

    /**
     * Tells the live due lists, once the event's unit of work has committed; each reads its list again and sends it
     * only when it changed. Axon evaluates nothing when no one follows, as in a replay.
     */
    private void changed(String memberId) {
        liveDueLists.emit(FindDueList.class, query -> true, new DueListChanged(memberId));
    }
}

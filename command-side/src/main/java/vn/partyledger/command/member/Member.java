package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import vn.partyledger.command.organisation.MembershipLedger;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person's membership record. Guards the rules of domain.md §5–§10, then applies events. */
public class Member {

    @AggregateIdentifier
    private String memberId;
    private MemberStatus status;
    private String personId;
    private String branchId;
    private LocalDate registeredOn;
    private AdmissionApproved admission;

    protected Member() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Member(RegisterOutstandingCandidate command, OrganisationRegistry registry) {
        candidateBelongsToABranchThatExistsOnTheDate(command, registry);
        apply(new OutstandingCandidateRegistered(command.memberId(), command.personId(), command.branchId(),
                command.source(), command.mentorMemberId(), command.registeredOn()));
    }

    @CommandHandler
    public void handle(DecideAdmission command) {
        admissionIsDecidedOnlyForACandidate();
        admissionDecisionCannotPrecedeCandidacy(command);
        branchCannotReceiveTheDecisionBeforeItIsSigned(command);
        apply(new AdmissionApproved(memberId, command.decision().docDate(), command.decision().issuingOrgId(),
                command.receivedByBranchOn()));
    }

    @CommandHandler
    public void handle(AdmitMember command, WorkingDayCalendar calendar, AdmissionPolicy policy,
                       MembershipLedger ledger) {
        ceremonyRequiresAnApprovedAdmission();
        ceremonyCannotPrecedeTheAdmissionDecision(command);
        boolean late = ceremonyAfterTheDeadlineNeedsSuperiorConsent(command, calendar, policy);
        apply(new MemberAdmitted(memberId, personId, branchId, command.ceremonyDate(),
                command.ceremonyDate().plusMonths(policy.probationMonths()), admission.decisionDate(), late));
        ledger.enrol(branchId, memberId, MemberStatus.PROBATIONARY, command.ceremonyDate());
    }

    private static void candidateBelongsToABranchThatExistsOnTheDate(RegisterOutstandingCandidate command,
                                                                     OrganisationRegistry registry) {
        boolean branchActive = registry.find(command.branchId())
                .filter(org -> org.kind().isBranch() && org.activeOn(command.registeredOn()))
                .isPresent();
        if (!branchActive) {
            throw new RuleViolation("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate",
                    "Branch " + command.branchId() + " is not a branch that exists on " + command.registeredOn()
                            + ", so it cannot take a candidate.");
        }
    }

    private void admissionIsDecidedOnlyForACandidate() {
        if (status != MemberStatus.CANDIDATE || admission != null) {
            throw new RuleViolation("I7", "admissionIsDecidedOnlyForACandidate",
                    "An admission can be decided only once, for a candidate; this record is " + status
                            + (admission != null ? " with an admission already approved." : "."));
        }
    }

    private void admissionDecisionCannotPrecedeCandidacy(DecideAdmission command) {
        if (command.decision().docDate().isBefore(registeredOn)) {
            throw new RuleViolation("I7", "admissionDecisionCannotPrecedeCandidacy",
                    "The admission decision is dated " + command.decision().docDate()
                            + ", before the candidate was registered on " + registeredOn + ".");
        }
    }

    private static void branchCannotReceiveTheDecisionBeforeItIsSigned(DecideAdmission command) {
        if (command.receivedByBranchOn().isBefore(command.decision().docDate())) {
            throw new RuleViolation("I7", "branchCannotReceiveTheDecisionBeforeItIsSigned",
                    "The branch cannot have received the decision on " + command.receivedByBranchOn()
                            + ", before it was signed on " + command.decision().docDate() + ".");
        }
    }

    private void ceremonyRequiresAnApprovedAdmission() {
        if (status != MemberStatus.CANDIDATE || admission == null) {
            throw new RuleViolation("I8", "ceremonyRequiresAnApprovedAdmission",
                    "An admission ceremony needs an approved admission decision for a candidate; this record is "
                            + status + (admission == null ? " without an approved admission." : "."));
        }
    }

    private void ceremonyCannotPrecedeTheAdmissionDecision(AdmitMember command) {
        if (command.ceremonyDate().isBefore(admission.decisionDate())) {
            throw new RuleViolation("I8", "ceremonyCannotPrecedeTheAdmissionDecision",
                    "The ceremony on " + command.ceremonyDate() + " cannot precede the admission decision of "
                            + admission.decisionDate() + ".");
        }
    }

    /** Returns true when the ceremony is late but the superior committee consented. */
    private boolean ceremonyAfterTheDeadlineNeedsSuperiorConsent(AdmitMember command, WorkingDayCalendar calendar,
                                                                 AdmissionPolicy policy) {
        LocalDate deadline = calendar.plusWorkingDays(admission.receivedByBranchOn(),
                policy.ceremonyDeadlineWorkingDays());
        if (!command.ceremonyDate().isAfter(deadline)) {
            return false;
        }
        if (command.superiorConsent() == null) {
            throw new RuleViolation("I8", "ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision",
                    "The ceremony must be held within " + policy.ceremonyDeadlineWorkingDays()
                            + " working days of receiving the decision (by " + deadline
                            + "); a later ceremony needs the direct superior committee's consent.");
        }
        return true;
    }

    @EventSourcingHandler
    void on(OutstandingCandidateRegistered event) {
        memberId = event.memberId();
        status = MemberStatus.CANDIDATE;
        personId = event.personId();
        branchId = event.branchId();
        registeredOn = event.registeredOn();
    }

    @EventSourcingHandler
    void on(AdmissionApproved event) {
        admission = event;
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        status = MemberStatus.PROBATIONARY;
    }

    // ---- Transfers and exemptions: their entities and what they read of the member ----

    @AggregateMember
    final MemberExemptions exemptions = new MemberExemptions(this);

    @AggregateMember
    final MemberTransfers transfers = new MemberTransfers(this);

    String memberId() {
        return memberId;
    }

    MemberStatus status() {
        return status;
    }

    String homeOrgId() {
        return branchId;
    }

    @EventSourcingHandler
    void on(MemberHomeChanged event) {
        branchId = event.toOrgId();
    }
}

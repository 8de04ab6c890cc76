package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.domain.discipline.AppealFiled;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealResolved;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.DisciplineImported;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.discipline.FileAppeal;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.LiftSuspension;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.ResolveAppeal;
import vn.partyledger.domain.discipline.SuspendPartyActivity;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportedDiscipline;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's discipline (docs/rules.md#s10-3, I12), the suspension while a case is open, and appeals against discipline
 * and strike-off decisions (I21). An expulsion ends the membership, so it takes the member off the roll in the same
 * unit of work (ADR 0004); an appeal leaves the decision in force until it is resolved.
 */
class MemberDiscipline {

    private final Standing standing;
    /** The date of the latest decision a member may appeal against, per subject. */
    private final Map<AppealSubject, LocalDate> decisions = new EnumMap<>(AppealSubject.class);
    /** The date the suspension in force began, or null when the member is not suspended. */
    private LocalDate suspendedOn;
    /** The appeal awaiting resolution, or null. */
    private AppealFiled pendingAppeal;
    /** The subject whose decision an appeal annulled, until membership is restored (I26); or null. */
    private AppealSubject annulled;
    private LocalDate annulledOn;

    MemberDiscipline(Standing standing) {
        this.standing = standing;
    }

    DisciplineImposed impose(ImposeDiscipline command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        disciplineIsImposedOnAMemberOnTheRoll();
        aProbationaryMemberIsOnlyReprimandedOrWarned(standing.status(), command.form());
        aBranchOnlyReprimandsOrWarnsItsMembers(command);
        dismissalIsOnlyFromAPostTheMemberHolds(command);
        dismissalAndExpulsionAreDecidedByTheDisciplineAuthority(command, authority);
        DisciplineImposed imposed = new DisciplineImposed(standing.memberId(), command.form(), standing.homeOrgId(),
                command.decision().issuingOrgId(), command.decision().docDate(),
                Sensitive.of(standing.personId(), command.violationCategory()));
        apply(imposed);
        return imposed;
    }

    @CommandHandler
    void handle(SuspendPartyActivity command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAMemberOnTheRollIsSuspendedOnce();
        apply(new MemberSuspended(standing.memberId(), command.decision().issuingOrgId(),
                command.decision().docDate()));
    }

    @CommandHandler
    void handle(LiftSuspension command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyASuspensionInForceIsLifted(command.decision().docDate());
        apply(new MemberSuspensionLifted(standing.memberId(), command.decision().issuingOrgId(),
                command.decision().docDate()));
    }

    @CommandHandler
    void handle(FileAppeal command, WorkingDayCalendar calendar, DisciplinePolicy policy, Today today) {
        today.businessDateIsNotInTheFuture("receipt of the decision appealed", command.decisionReceivedOn());
        today.businessDateIsNotInTheFuture("appeal", command.filedOn());
        anAppealIsAgainstADecisionOnRecord(command);
        oneAppealIsPendingAtATime();
        anAppealIsFiledWithinItsPeriodOfReceivingTheDecision(command, calendar, policy);
        apply(new AppealFiled(standing.memberId(), command.subject(), command.decisionReceivedOn(),
                command.filedOn()));
    }

    @CommandHandler
    void handle(ResolveAppeal command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAPendingAppealIsResolved();
        anAppealIsResolvedNoEarlierThanItWasFiled(command.decision().docDate());
        apply(new AppealResolved(standing.memberId(), pendingAppeal.subject(), command.outcome(),
                command.decision().issuingOrgId(), command.decision().docDate()));
    }

    /** A discipline case is open while the member's party activity is suspended for it. */
    boolean caseOpen() {
        return suspendedOn != null;
    }

    /** When an appeal annulled the latest decision of this subject, if it did and membership is not yet restored. */
    Optional<LocalDate> annulledOn(AppealSubject subject) {
        return annulled == subject ? Optional.of(annulledOn) : Optional.empty();
    }

    private void disciplineIsImposedOnAMemberOnTheRoll() {
        if (standing.status() == null || !standing.status().isOnRoll()) {
            throw new RuleViolation(Invariant.I12, "disciplineIsImposedOnAMemberOnTheRoll",
                    "Discipline is imposed on a probationary or full member; this record is " + standing.status() + ".");
        }
    }

    /**
     * The rule of an imposition that holds for a discipline the paper file shows in effect (ADR 0028): what a member
     * of the status they had that day could be given. Who decided it is the paper file's to show.
     */
    static void checkStated(ImportedDiscipline discipline, MemberStatus statusThatDay) {
        aProbationaryMemberIsOnlyReprimandedOrWarned(statusThatDay, discipline.form());
    }

    /**
     * The discipline the file shows in effect weighs on the record from the day it was decided, its category sealed.
     * The ids come from the import: a batch's new record has not applied its opening yet.
     */
    static void importDiscipline(ImportMember command) {
        ImportedDiscipline discipline = command.discipline();
        apply(new DisciplineImported(command.memberId(), discipline.form(), command.homeOrgId(),
                discipline.decidedOn(), discipline.decisionRef(),
                Sensitive.of(command.personId(), discipline.violationCategory()), command.paperFileRef(),
                command.importedOn()));
    }

    private static void aProbationaryMemberIsOnlyReprimandedOrWarned(MemberStatus status, DisciplineForm form) {
        if (status == MemberStatus.PROBATIONARY && !form.isMild()) {
            throw new RuleViolation(Invariant.I12, "aProbationaryMemberIsOnlyReprimandedOrWarned",
                    "A probationary member can only be reprimanded or warned, not given " + form + ".");
        }
    }

    private void aBranchOnlyReprimandsOrWarnsItsMembers(ImposeDiscipline command) {
        if (command.decision().issuingOrgId().equals(standing.homeOrgId()) && !command.form().isMild()) {
            throw new RuleViolation(Invariant.I12, "aBranchOnlyReprimandsOrWarnsItsMembers",
                    "Branch " + standing.homeOrgId() + " may only reprimand or warn its members; " + command.form()
                            + " is proposed by the branch and decided by the superior standing committee.");
        }
    }

    private static void dismissalIsOnlyFromAPostTheMemberHolds(ImposeDiscipline command) {
        if (command.form() == DisciplineForm.DISMISSAL && !command.postHeld()) {
            throw new RuleViolation(Invariant.I12, "dismissalIsOnlyFromAPostTheMemberHolds",
                    "Dismissal removes a member from a party post, so it needs a member who holds one.");
        }
    }

    private void dismissalAndExpulsionAreDecidedByTheDisciplineAuthority(ImposeDiscipline command,
                                                                         AuthorityResolver authority) {
        if (!command.form().isMild()) {
            CommitteeThatAdmits.mustSign(Invariant.I12, "dismissalAndExpulsionAreDecidedByTheDisciplineAuthority",
                    command.form().toString(), standing.homeOrgId(), command.decision(), authority);
        }
    }

    private void onlyAMemberOnTheRollIsSuspendedOnce() {
        if (standing.status() == null || !standing.status().isOnRoll() || caseOpen()) {
            throw new RuleViolation(Invariant.SUSPENSION, "onlyAMemberOnTheRollIsSuspendedOnce",
                    "Party activity is suspended for a probationary or full member not already suspended; this "
                            + "record is "
                            + standing.status() + (caseOpen() ? " and already suspended." : "."));
        }
    }

    /** In force on the day it is lifted, too: a suspension is not lifted before it began. */
    private void onlyASuspensionInForceIsLifted(LocalDate liftedOn) {
        if (suspendedOn == null) {
            throw new RuleViolation(Invariant.SUSPENSION, "onlyASuspensionInForceIsLifted",
                    "The member's party activity is not suspended, so there is no suspension to lift.");
        }
        if (liftedOn.isBefore(suspendedOn)) {
            throw new RuleViolation(Invariant.SUSPENSION, "onlyASuspensionInForceIsLifted",
                    "The suspension began on " + suspendedOn + ", so it cannot be lifted on " + liftedOn + ".");
        }
    }

    private void anAppealIsAgainstADecisionOnRecord(FileAppeal command) {
        LocalDate decided = decisions.get(command.subject());
        if (decided == null || command.decisionReceivedOn().isBefore(decided)) {
            throw new RuleViolation(Invariant.I21, "anAppealIsAgainstADecisionOnRecord",
                    decided == null ? "There is no " + command.subject() + " decision on record to appeal against."
                            : "The " + command.subject() + " decision of " + decided
                            + " cannot have been received before it was signed, on " + command.decisionReceivedOn()
                            + ".");
        }
    }

    private void oneAppealIsPendingAtATime() {
        if (pendingAppeal != null) {
            throw new RuleViolation(Invariant.I21, "oneAppealIsPendingAtATime",
                    "An appeal against the " + pendingAppeal.subject() + " decision is still pending; it is resolved "
                            + "first.");
        }
    }

    private static void anAppealIsFiledWithinItsPeriodOfReceivingTheDecision(FileAppeal command,
                                                                             WorkingDayCalendar calendar,
                                                                             DisciplinePolicy policy) {
        boolean strikeOff = command.subject() == AppealSubject.STRIKE_OFF;
        LocalDate received = command.decisionReceivedOn();
        String period = "An appeal against a " + command.subject() + " decision is filed within "
                + (strikeOff ? policy.strikeOffAppealWorkingDays() + " working days"
                : policy.disciplineAppealMonths() + " month(s)") + " of receiving it on " + received;
        // The period opens on the receipt: counting up to the filing day alone would find an earlier filing in time.
        if (command.filedOn().isBefore(received)) {
            throw new RuleViolation(Invariant.I21, "anAppealIsFiledWithinItsPeriodOfReceivingTheDecision",
                    period + ", so not before then, on " + command.filedOn() + ".");
        }
        Optional<LocalDate> missed = strikeOff
                ? calendar.missedDeadline(received, policy.strikeOffAppealWorkingDays(), command.filedOn())
                : Optional.of(received.plusMonths(policy.disciplineAppealMonths())).filter(command.filedOn()::isAfter);
        if (missed.isPresent()) {
            throw new RuleViolation(Invariant.I21, "anAppealIsFiledWithinItsPeriodOfReceivingTheDecision",
                    period + ", that is by " + missed.get() + ", not on " + command.filedOn() + ".");
        }
    }

    private void onlyAPendingAppealIsResolved() {
        if (pendingAppeal == null) {
            throw new RuleViolation(Invariant.I21, "onlyAPendingAppealIsResolved",
                    "No appeal is pending for member " + standing.memberId() + ", so none can be resolved.");
        }
    }

    private void anAppealIsResolvedNoEarlierThanItWasFiled(LocalDate resolvedOn) {
        if (resolvedOn.isBefore(pendingAppeal.filedOn())) {
            throw new RuleViolation(Invariant.I21, "anAppealIsResolvedNoEarlierThanItWasFiled",
                    "The appeal against the " + pendingAppeal.subject() + " decision was filed on "
                            + pendingAppeal.filedOn() + ", so it cannot be resolved on " + resolvedOn + ".");
        }
    }

    @EventSourcingHandler
    void on(DisciplineImposed event) {
        decisions.put(AppealSubject.DISCIPLINE, event.effectiveDate());
        annulled = null;
    }

    /** An imported discipline can be appealed against as one imposed live on the day it was decided. */
    @EventSourcingHandler
    void on(DisciplineImported event) {
        decisions.put(AppealSubject.DISCIPLINE, event.decidedOn());
    }

    @EventSourcingHandler
    void on(MemberStruckOff event) {
        decisions.put(AppealSubject.STRIKE_OFF, event.effectiveDate());
        annulled = null;
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        suspendedOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(MemberSuspensionLifted event) {
        suspendedOn = null;
    }

    @EventSourcingHandler
    void on(AppealFiled event) {
        pendingAppeal = event;
    }

    @EventSourcingHandler
    void on(AppealResolved event) {
        pendingAppeal = null;
        if (event.outcome() == AppealOutcome.ANNULLED) {
            annulled = event.subject();
            annulledOn = event.resolvedOn();
        }
    }

    @EventSourcingHandler
    void on(MembershipRestored event) {
        annulled = null;
    }

    /** A strike-off keyed by mistake never happened (I30): there is nothing left to appeal against. */
    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.MEMBER_STRUCK_OFF) {
            decisions.remove(AppealSubject.STRIKE_OFF);
            if (pendingAppeal != null && pendingAppeal.subject() == AppealSubject.STRIKE_OFF) {
                pendingAppeal = null;
            }
            if (annulled == AppealSubject.STRIKE_OFF) {
                annulled = null;
            }
        }
    }
}

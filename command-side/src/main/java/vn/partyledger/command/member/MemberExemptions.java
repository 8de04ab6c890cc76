package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.GrassrootsOrganisations;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.exemption.EndExemption;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionPolicy;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.exemption.GrantExemption;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportedExemption;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's exemptions from party work and meetings (docs/rules.md#s8, I14–I15): at most one in force at a time. An
 * exempt member stays on the roll and in the headcount, so no roll changes here.
 */
class MemberExemptions {

    private final Standing standing;
    /** The exemption in force, granted live or imported from the paper file, or null. */
    private InForce inForce;

    private record InForce(ExemptionKind kind, LocalDate from, LocalDate until) {
    }

    MemberExemptions(Standing standing) {
        this.standing = standing;
    }

    @CommandHandler
    void handle(GrantExemption command, ExemptionPolicy policy, GrassrootsOrganisations grassroots, Today today) {
        today.decisionIsNotInTheFuture(command.resolution());
        today.businessDateIsNotInTheFuture("exemption's start", command.from());
        if (command.kind() == ExemptionKind.FULL) {
            fullExemptionIsForAFullMember(standing.status(), policy);
            fullExemptionNeedsTheMembersOwnApplication(command);
            fullExemptionIsForAdvancedAgeAndPoorHealth(command.reason());
            fullExemptionIsDecidedByTheMembersBranch(command);
        } else {
            temporaryExemptionIsForAMemberOnTheRoll();
            temporaryExemptionEndsOnADateAfterItStarts(command.from(), command.until());
            anAbsenceOfLessThanAYearIsExemptedForLessThanAYear(command.reason(), command.from(), command.until(),
                    policy);
            temporaryExemptionIsDecidedByTheGrassrootsCommittee(command, grassroots);
        }
        noOverlappingExemptionInForce(command);
        apply(new ExemptionGranted(standing.memberId(), command.kind(),
                Sensitive.of(standing.personId(), command.reason()), command.from(),
                command.kind() == ExemptionKind.FULL ? null : command.until(),
                command.resolution().issuingOrgId(), command.applicationRef()));
    }

    @CommandHandler
    void handle(EndExemption command, Today today) {
        today.businessDateIsNotInTheFuture("exemption's end", command.endedOn());
        onlyAnExemptionInForceEnds();
        anExemptionCannotEndBeforeItStarts(command);
        onlyATemporaryExemptionPastItsEndDateExpires(command);
        apply(new ExemptionEnded(standing.memberId(), inForce.kind(), command.reason(), command.endedOn(),
                command.returnFeedbackRef()));
    }

    /**
     * The rules of a grant that hold for an exemption the paper file states in force (ADR 0028): who may have it, why
     * and for how long. The application and the deciding body are the paper file's to show, not the import's.
     */
    static void checkStated(ImportedExemption exemption, MemberStatus statusThatDay, ExemptionPolicy policy) {
        if (exemption.kind() == ExemptionKind.FULL) {
            fullExemptionIsForAFullMember(statusThatDay, policy);
            fullExemptionIsForAdvancedAgeAndPoorHealth(exemption.reason());
        } else {
            temporaryExemptionEndsOnADateAfterItStarts(exemption.from(), exemption.until());
            anAbsenceOfLessThanAYearIsExemptedForLessThanAYear(exemption.reason(), exemption.from(),
                    exemption.until(), policy);
        }
    }

    /**
     * The exemption the file shows in force becomes the member's exemption in force, its reason sealed. The ids come
     * from the import: a batch's new record has not applied its opening yet.
     */
    static void importExemption(ImportMember command) {
        ImportedExemption exemption = command.exemption();
        apply(new ExemptionImported(command.memberId(), exemption.kind(),
                Sensitive.of(command.personId(), exemption.reason()), exemption.from(),
                exemption.kind() == ExemptionKind.FULL ? null : exemption.until(), command.paperFileRef(),
                command.importedOn()));
    }

    private static void fullExemptionIsForAFullMember(MemberStatus status, ExemptionPolicy policy) {
        boolean eligible = status == MemberStatus.FULL
                || (status == MemberStatus.PROBATIONARY && policy.allowProbationary());
        if (!eligible) {
            throw new RuleViolation(Invariant.I14, "fullExemptionIsForAFullMember",
                    "A full exemption is granted to a full member"
                            + (policy.allowProbationary() ? " or a probationary member" : "")
                            + "; this record is " + status + ".");
        }
    }

    private static void fullExemptionNeedsTheMembersOwnApplication(GrantExemption command) {
        if (command.applicationRef() == null || command.applicationRef().isBlank()) {
            throw new RuleViolation(Invariant.I14, "fullExemptionNeedsTheMembersOwnApplication",
                    "A full exemption is granted only on the member's own application, which must be on file.");
        }
    }

    private static void fullExemptionIsForAdvancedAgeAndPoorHealth(ExemptionReason reason) {
        if (reason != ExemptionReason.ADVANCED_AGE_POOR_HEALTH) {
            throw new RuleViolation(Invariant.I14, "fullExemptionIsForAdvancedAgeAndPoorHealth",
                    "A full exemption is for members of advanced age and poor health, not for " + reason
                            + "; other absences call for a temporary exemption.");
        }
    }

    private void fullExemptionIsDecidedByTheMembersBranch(GrantExemption command) {
        if (!command.resolution().issuingOrgId().equals(standing.homeOrgId())) {
            throw new RuleViolation(Invariant.I14, "fullExemptionIsDecidedByTheMembersBranch",
                    "A full exemption is decided by the member's own branch " + standing.homeOrgId() + ", not by "
                            + command.resolution().issuingOrgId() + ".");
        }
    }

    private void temporaryExemptionIsForAMemberOnTheRoll() {
        if (standing.status() == null || !standing.status().isOnRoll()) {
            throw new RuleViolation(Invariant.I15, "temporaryExemptionIsForAMemberOnTheRoll",
                    "A temporary exemption is granted to a probationary or full member; this record is "
                            + standing.status() + ".");
        }
    }

    private static void temporaryExemptionEndsOnADateAfterItStarts(LocalDate from, LocalDate until) {
        if (until == null || !until.isAfter(from)) {
            throw new RuleViolation(Invariant.I15, "temporaryExemptionEndsOnADateAfterItStarts",
                    "A temporary exemption needs an end date after its start on " + from + ".");
        }
    }

    private static void anAbsenceOfLessThanAYearIsExemptedForLessThanAYear(ExemptionReason reason, LocalDate from,
                                                                            LocalDate until, ExemptionPolicy policy) {
        int maxMonths = policy.temporaryExemptionMaxMonths();
        if (reason.isAwayFromTheLocality() && !until.isBefore(from.plusMonths(maxMonths))) {
            throw new RuleViolation(Invariant.I15, "anAbsenceOfLessThanAYearIsExemptedForLessThanAYear",
                    "A temporary exemption for " + reason + " must end before " + maxMonths
                            + " months have passed (before " + from.plusMonths(maxMonths)
                            + "); a longer absence calls for a transfer.");
        }
    }

    private void temporaryExemptionIsDecidedByTheGrassrootsCommittee(GrantExemption command,
                                                                     GrassrootsOrganisations grassroots) {
        String decidingBody = grassroots.of(standing.homeOrgId(), command.resolution().docDate()).orElse(null);
        if (!command.resolution().issuingOrgId().equals(decidingBody)) {
            throw new RuleViolation(Invariant.I15, "temporaryExemptionIsDecidedByTheGrassrootsCommittee",
                    "A temporary exemption is decided by the grassroots committee of the member's branch ("
                            + decidingBody + ") on the branch's proposal, not by "
                            + command.resolution().issuingOrgId() + ".");
        }
    }

    private void noOverlappingExemptionInForce(GrantExemption command) {
        if (inForce != null) {
            throw new RuleViolation(command.kind() == ExemptionKind.FULL ? Invariant.I14 : Invariant.I15,
                    "noOverlappingExemptionInForce",
                    "The member already has a " + inForce.kind() + " exemption in force since " + inForce.from()
                            + "; end it before granting another.");
        }
    }

    private void onlyAnExemptionInForceEnds() {
        if (inForce == null) {
            throw new RuleViolation(Invariant.EXEMPTION_NOT_IN_FORCE, "onlyAnExemptionInForceEnds",
                    "The member has no exemption in force, so none can end.");
        }
    }

    private void anExemptionCannotEndBeforeItStarts(EndExemption command) {
        if (command.endedOn().isBefore(inForce.from())) {
            throw new RuleViolation(Invariant.EXEMPTION_END_DATE, "anExemptionCannotEndBeforeItStarts",
                    "The exemption started on " + inForce.from() + ", so it cannot end on " + command.endedOn() + ".");
        }
    }

    private void onlyATemporaryExemptionPastItsEndDateExpires(EndExemption command) {
        if (command.reason() == ExemptionEndReason.EXPIRED
                && (inForce.until() == null || command.endedOn().isBefore(inForce.until()))) {
            throw new RuleViolation(Invariant.EXEMPTION_END_DATE, "onlyATemporaryExemptionPastItsEndDateExpires",
                    "Only a temporary exemption expires, on or after its end date"
                            + (inForce.until() == null ? "; this one is a full exemption." : " " + inForce.until() + "."));
        }
    }

    @EventSourcingHandler
    void on(ExemptionGranted event) {
        inForce = new InForce(event.kind(), event.from(), event.until());
    }

    @EventSourcingHandler
    void on(ExemptionImported event) {
        inForce = new InForce(event.kind(), event.from(), event.until());
    }

    @EventSourcingHandler
    void on(ExemptionEnded event) {
        inForce = null;
    }

    /** Only the exemption in force can be annulled (I30), so annulling one leaves none in force. */
    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.EXEMPTION_GRANTED) {
            inForce = null;
        }
    }
}

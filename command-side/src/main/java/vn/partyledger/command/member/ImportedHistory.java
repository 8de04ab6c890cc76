package vn.partyledger.command.member;

import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.ImportMember;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A record opened from the paper file (issue 10, ONBOARDING): the history the file states is held to the rules that
 * still apply to it — dates in their order, full membership after the probation, party-age gaps inside the history,
 * badges of known levels that the member's party age allows — before it is recorded. Each part of the record learns
 * its share from {@link MemberImported}.
 */
class ImportedHistory {

    private final Standing standing;

    ImportedHistory(Standing standing) {
        this.standing = standing;
    }

    /**
     * The history is held to the day of the import, and that day to today (BUSINESS_DATE_NOT_IN_THE_FUTURE), so no
     * stated date lies ahead: an import dated in the future would let a file state a history still to come.
     */
    MemberImported importRecord(ImportMember command, AdmissionPolicy admission, BadgePolicy badges, Today today) {
        today.businessDateIsNotInTheFuture("import", command.importedOn());
        aRecordIsImportedOnceIntoANewRecord(command);
        checkStatedHistory(command, admission, badges);
        MemberImported imported = new MemberImported(command.memberId(), command.personId(), command.homeOrgId(),
                command.status(), command.firstAdmissionDecisionDate(), command.admissionDecisionDate(),
                command.ceremonyDate(), command.ceremonyDate().plusMonths(admission.probationMonths()),
                command.fullMembershipDate(), command.onRollSince(), command.partyAgeGaps(), command.cardNumber(),
                command.badges(), command.paperFileRef(), command.importedOn());
        apply(imported);
        return imported;
    }

    /** The rules the stated history itself must meet, whatever the ledger holds: a file is checked with them first. */
    static void checkStatedHistory(ImportMember command, AdmissionPolicy admission, BadgePolicy badges) {
        onlyAProbationaryOrFullMemberIsImported(command);
        theAdmissionHistoryIsInOrder(command);
        fullMembershipFollowsTheProbation(command, admission);
        partyAgeGapsLieWithinTheHistory(command);
        badgesAreOfKnownLevelsThePartyAgeAllows(command, badges);
    }

    private void aRecordIsImportedOnceIntoANewRecord(ImportMember command) {
        if (standing.memberId() != null) {
            throw new RuleViolation(Invariant.ONBOARDING, "aRecordIsImportedOnceIntoANewRecord",
                    "Member record " + command.memberId() + " already exists; an import opens new records and never "
                            + "changes one (record the decision instead).");
        }
    }

    private static void onlyAProbationaryOrFullMemberIsImported(ImportMember command) {
        if (command.status() != MemberStatus.PROBATIONARY && command.status() != MemberStatus.FULL) {
            throw new RuleViolation(Invariant.ONBOARDING, "onlyAProbationaryOrFullMemberIsImported",
                    "An import opens the records of members on a roll, probationary or full; " + command.memberId()
                            + " is stated as " + command.status() + ".");
        }
    }

    /** First admission ≤ latest admission decision ≤ ceremony ≤ on the roll since ≤ the import's date. */
    private static void theAdmissionHistoryIsInOrder(ImportMember command) {
        if (command.personId() == null || command.homeOrgId() == null || command.paperFileRef() == null
                || command.paperFileRef().isBlank() || command.firstAdmissionDecisionDate() == null
                || command.admissionDecisionDate() == null || command.ceremonyDate() == null
                || command.onRollSince() == null || command.importedOn() == null) {
            throw new RuleViolation(Invariant.ONBOARDING, "theAdmissionHistoryIsInOrder",
                    "An imported member states the person, the home branch, the paper file, the first and latest "
                            + "admission decisions, the ceremony, the day on the roll and the import's date.");
        }
        List<LocalDate> history = List.of(command.firstAdmissionDecisionDate(), command.admissionDecisionDate(),
                command.ceremonyDate(), command.onRollSince(), command.importedOn());
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).isBefore(history.get(i - 1))) {
                throw new RuleViolation(Invariant.ONBOARDING, "theAdmissionHistoryIsInOrder",
                        "Member " + command.memberId() + ": the first admission decision (" + history.get(0)
                                + "), the latest (" + history.get(1) + "), the ceremony (" + history.get(2)
                                + "), the day on the branch's roll (" + history.get(3) + ") and the import ("
                                + history.get(4) + ") must follow each other in that order.");
            }
        }
    }

    /** A full member became one at the end of probation or later, and before the import; a probationary one not yet. */
    private static void fullMembershipFollowsTheProbation(ImportMember command, AdmissionPolicy admission) {
        LocalDate probationEnd = command.ceremonyDate().plusMonths(admission.probationMonths());
        LocalDate full = command.fullMembershipDate();
        boolean consistent = command.status() == MemberStatus.FULL
                ? full != null && !full.isBefore(probationEnd) && !full.isAfter(command.importedOn())
                : full == null;
        if (!consistent) {
            throw new RuleViolation(Invariant.ONBOARDING, "fullMembershipFollowsTheProbation",
                    "Member " + command.memberId() + " is stated " + command.status() + " with full membership from "
                            + full + "; full membership counts from the end of the " + admission.probationMonths()
                            + "-month probation (" + probationEnd + ") at the earliest and is on file before the "
                            + "import (" + command.importedOn() + "); a probationary member has none.");
        }
    }

    private static void partyAgeGapsLieWithinTheHistory(ImportMember command) {
        LocalDate previousEnd = command.firstAdmissionDecisionDate();
        for (PartyAge.Gap gap : command.partyAgeGaps()) {
            if (gap.until() == null || gap.from().isBefore(previousEnd) || gap.until().isAfter(command.importedOn())) {
                throw new RuleViolation(Invariant.ONBOARDING, "partyAgeGapsLieWithinTheHistory",
                        "Member " + command.memberId() + ": a period without party age (" + gap.from() + " to "
                                + gap.until() + ") must be closed, in order, after the first admission decision ("
                                + command.firstAdmissionDecisionDate() + ") and before the import ("
                                + command.importedOn() + ").");
            }
            previousEnd = gap.until();
        }
    }

    /** A badge the member's party age could not yet have earned, even early, is not on the file as stated. */
    private static void badgesAreOfKnownLevelsThePartyAgeAllows(ImportMember command, BadgePolicy policy) {
        PartyAge partyAge = new PartyAge(command.firstAdmissionDecisionDate(), command.partyAgeGaps());
        Set<Integer> levels = new HashSet<>();
        for (ImportedBadge badge : command.badges()) {
            LocalDate earliest = partyAge.reachesYearsOn(badge.level())
                    .map(reached -> reached.minusMonths(policy.earlyMonthsAllowed(badge.level(), true, false)))
                    .orElse(null);
            boolean allowed = policy.levels().contains(badge.level()) && levels.add(badge.level())
                    && badge.badgeNumber() != null && !badge.badgeNumber().isBlank() && badge.awardedOn() != null
                    && earliest != null && !badge.awardedOn().isBefore(earliest)
                    && !badge.awardedOn().isAfter(command.importedOn());
            if (!allowed) {
                throw new RuleViolation(Invariant.ONBOARDING, "badgesAreOfKnownLevelsThePartyAgeAllows",
                        "Member " + command.memberId() + ": the " + badge.level() + "-year badge " + badge.badgeNumber()
                                + " awarded on " + badge.awardedOn() + " is not one the rules allow: the levels are "
                                + policy.levels() + ", each once, with a number, awarded before the import and no "
                                + "earlier than the party age allows (from " + earliest + ").");
            }
        }
    }
}

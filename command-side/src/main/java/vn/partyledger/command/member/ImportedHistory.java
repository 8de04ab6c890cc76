package vn.partyledger.command.member;

import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportedDiscipline;
import vn.partyledger.domain.onboarding.OnboardingPolicies;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A record opened from the paper file (issue 10, ONBOARDING): the history the file states is held to the rules that
 * still apply to it — dates in their order, full membership after the probation, party-age gaps inside the history,
 * badges of known levels that the member's party age allows — before it is recorded. Each part of the record learns
 * its share from {@link MemberImported}. What the file shows in force on the record — an exemption, a discipline —
 * follows in the same append as its part's own imported event, held to its live command's rules (ADR 0028).
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
    MemberImported importRecord(ImportMember command, OnboardingPolicies policies, Today today) {
        today.businessDateIsNotInTheFuture("import", command.importedOn());
        aRecordIsImportedOnceIntoANewRecord(command);
        checkStated(command, policies, (field, violation) -> {
            throw violation;
        });
        MemberImported imported = new MemberImported(command.memberId(), command.personId(), command.homeOrgId(),
                command.status(), command.firstAdmissionDecisionDate(), command.admissionDecisionDate(),
                command.ceremonyDate(), command.ceremonyDate().plusMonths(policies.admission().probationMonths()),
                command.fullMembershipDate(), command.onRollSince(), command.partyAgeGaps(), command.cardNumber(),
                command.badges(), command.paperFileRef(), command.importedOn());
        apply(imported);
        if (command.exemption() != null) {
            MemberExemptions.importExemption(command);
        }
        if (command.discipline() != null) {
            MemberDiscipline.importDiscipline(command);
        }
        return imported;
    }

    /**
     * The rules the stated line itself must meet, whatever the ledger holds — a file is checked with them first — part
     * by part: {@code refused} hears each refusal with the field of the line it concerns (null for the history). An
     * overlay is held to the rules its live command meets, where they apply to what the file shows, and to the history
     * it lies in, so it is checked once the history passed.
     */
    static void checkStated(ImportMember command, OnboardingPolicies policies,
                            BiConsumer<String, RuleViolation> refused) {
        try {
            checkStatedHistory(command, policies);
        } catch (RuleViolation violation) {
            refused.accept(null, violation);
            return;
        }
        LocalDate onRoll = command.onRollSince();
        stated("exemption", command.exemption(), refused, exemption -> {
            overlaysAreStatedWithinTheImportedHistory(command, "exemption", exemption.kind() != null
                    && exemption.reason() != null, exemption.from(), onRoll, "the day on the roll");
            MemberExemptions.checkStated(exemption, command.statusOn(exemption.from()), policies.exemptions());
        });
        stated("discipline", command.discipline(), refused, discipline -> {
            overlaysAreStatedWithinTheImportedHistory(command, "discipline", discipline.form() != null,
                    discipline.decidedOn(), command.admissionDecisionDate(), "the latest admission decision");
            aMemberOnTheRollHasNoExpulsionInEffect(command, discipline);
            MemberDiscipline.checkStated(discipline, command.statusOn(discipline.decidedOn()));
        });
        stated("attachment", command.attachment(), refused, attachment ->
                overlaysAreStatedWithinTheImportedHistory(command, "temporary attachment",
                        attachment.transferId() != null && attachment.hostOrgId() != null
                                && attachment.trigger() != null, attachment.since(), onRoll, "the day on the roll"));
    }

    private static <T> void stated(String field, T overlay, BiConsumer<String, RuleViolation> refused,
                                   Consumer<T> check) {
        if (overlay == null) {
            return;
        }
        try {
            check.accept(overlay);
        } catch (RuleViolation violation) {
            refused.accept(field, violation);
        }
    }

    private static void checkStatedHistory(ImportMember command, OnboardingPolicies policies) {
        onlyAProbationaryOrFullMemberIsImported(command);
        theAdmissionHistoryIsInOrder(command);
        fullMembershipFollowsTheProbation(command, policies.admission());
        partyAgeGapsLieWithinTheHistory(command);
        badgesAreOfKnownLevelsThePartyAgeAllows(command, policies.badges());
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

    /**
     * What the file shows in force began within the history it states, no later than the import: an exemption or an
     * attachment once the member was on the branch's roll (the branch and its committee decide them), a discipline
     * once the member was admitted (a member transferred in brings it along). A temporary one's planned end may lie
     * ahead.
     */
    private static void overlaysAreStatedWithinTheImportedHistory(ImportMember command, String overlay,
                                                                  boolean statesWhatItIs, LocalDate start,
                                                                  LocalDate earliest, String sinceWhat) {
        if (!statesWhatItIs || start == null || start.isBefore(earliest) || start.isAfter(command.importedOn())) {
            throw new RuleViolation(Invariant.ONBOARDING, "overlaysAreStatedWithinTheImportedHistory",
                    "Member " + command.memberId() + ": the " + overlay + " in force states what it is and begins"
                            + " (on " + start + ") no earlier than " + sinceWhat + " (" + earliest + ") and no later"
                            + " than the import (" + command.importedOn() + ").");
        }
    }

    /** An expulsion ends the membership: a member the file puts on a roll has none in effect. */
    private static void aMemberOnTheRollHasNoExpulsionInEffect(ImportMember command, ImportedDiscipline discipline) {
        if (discipline.form() == DisciplineForm.EXPULSION) {
            throw new RuleViolation(Invariant.ONBOARDING, "aMemberOnTheRollHasNoExpulsionInEffect",
                    "Member " + command.memberId() + " is imported " + command.status() + " on the roll of "
                            + command.homeOrgId() + ", so no expulsion is in effect (a member expelled on "
                            + discipline.decidedOn() + " is not on a roll).");
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

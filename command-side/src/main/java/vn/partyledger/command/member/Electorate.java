package vn.partyledger.command.member;

import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;

/**
 * Who votes on a member's admission (I5, I6), recognition (I10) and strike-off from the probationary list (I11), and
 * how many: the branch's full members on its roll on the day, and, above a subordinate branch, the grassroots
 * committee's leaders in office that day. Both come from the ledger (ADR 0008, ADR 0029): a count the caller states
 * is held against them, and a vote of an organisation the ledger has no members or leaders for is no vote.
 */
final class Electorate {

    private static final String IMPORT_FIRST = "(POST /api/v1/imports, docs/onboarding/import-file.md)";

    private Electorate() {
    }

    /**
     * The 2/3 denominator is every full member on the branch's roll on the day of the vote, as the branch's own roll
     * counts them: a vote keyed in late is counted against the roll of its day, not of the day it is keyed. A count
     * the minutes state ({@code stated}, may be null) must be that one.
     */
    static int theElectorateIsTheBranchRollOfTheDay(Invariant code, String branchId, Integer stated,
                                                     LocalDate votedOn, OrganisationRegistry registry) {
        int onRoll = registry.find(branchId).map(org -> org.fullMembersOnRollOn(votedOn)).orElse(0);
        if (onRoll == 0) {
            throw new RuleViolation(code, "theElectorateIsTheBranchRollOfTheDay",
                    "Branch " + branchId + " had no full members on its roll on " + votedOn + ", so there is no one "
                            + "whose vote counts. Import the branch's members " + IMPORT_FIRST + " before recording "
                            + "its votes.");
        }
        if (stated != null && stated != onRoll) {
            throw new RuleViolation(code, "theElectorateIsTheBranchRollOfTheDay",
                    "The vote states " + stated + " full members, but branch " + branchId + " had " + onRoll
                            + " full members on its roll on " + votedOn + ", and two thirds of them are needed.");
        }
        return onRoll;
    }

    /**
     * A committee's 2/3 denominator is its leaders in office on the day of the vote, as its recorded election names
     * them (docs/rules.md#LEADERSHIP). A count the minutes state ({@code stated}, may be null) must be that one.
     */
    static int theElectorateIsTheCommitteeInOfficeOnTheDay(Invariant code, String committeeId, Integer stated,
                                                           LocalDate votedOn, OrganisationRegistry registry) {
        int inOffice = committeeId == null ? 0
                : registry.find(committeeId).map(org -> org.leadersInOfficeOn(votedOn)).orElse(0);
        if (inOffice == 0) {
            throw new RuleViolation(code, "theElectorateIsTheCommitteeInOfficeOnTheDay",
                    "Committee " + committeeId + " had no elected members in office on record on " + votedOn
                            + ", so there is no one whose vote counts. Record its election (POST /api/v1/"
                            + "organisations/" + committeeId + "/record-leadership-election) or import it with the "
                            + "organisation " + IMPORT_FIRST + " first.");
        }
        if (stated != null && stated != inOffice) {
            throw new RuleViolation(code, "theElectorateIsTheCommitteeInOfficeOnTheDay",
                    "The vote states " + stated + " committee members in office, but committee " + committeeId
                            + " had " + inOffice + " on " + votedOn + ", and two thirds of them are needed.");
        }
        return inOffice;
    }

    static void votesCannotExceedTheElectorate(Invariant code, int electorate, int votesCast) {
        if (votesCast > electorate) {
            throw new RuleViolation(code, "votesCannotExceedTheElectorate",
                    votesCast + " votes were counted but only " + electorate + " may vote.");
        }
    }

    /** Above a subordinate branch the grassroots committee votes as well (docs/rules.md#s6). */
    static boolean branchIsSubordinate(String branchId, OrganisationRegistry registry) {
        return registry.find(branchId).filter(org -> org.kind() == OrganisationKind.SUBORDINATE_BRANCH).isPresent();
    }

    /**
     * Whether {@code orgId} names the grassroots committee directly above the branch on the day: the only committee
     * that votes on the branch's members.
     */
    static boolean isTheBranchsGrassrootsCommittee(String orgId, String branchId, LocalDate date,
                                                   OrganisationRegistry registry) {
        return orgId != null
                && registry.find(branchId).flatMap(branch -> branch.parentOn(date)).filter(orgId::equals).isPresent()
                && registry.find(orgId).filter(org -> org.kind() == OrganisationKind.GRASSROOTS_COMMITTEE).isPresent();
    }
}

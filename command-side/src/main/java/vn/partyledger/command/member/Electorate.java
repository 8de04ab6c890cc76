package vn.partyledger.command.member;

import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;

/**
 * Who votes on a member's admission (I5, I6), recognition (I10) and strike-off from the probationary list (I11), and
 * how many: the branch's full members on its roll on the day, and, above a subordinate branch, the grassroots
 * committee too. The roll is the branch's own (ADR 0008), never a number the caller supplies unchecked.
 */
final class Electorate {

    private Electorate() {
    }

    /**
     * The 2/3 denominator is every full member on the branch's roll on the day of the vote, as the branch's own roll
     * counts them: a vote keyed in late is counted against the roll of its day, not of the day it is keyed.
     */
    static void statedFullMembersMatchTheBranchRoll(Invariant code, String branchId, int stated, LocalDate votedOn,
                                                    OrganisationRegistry registry) {
        int onRoll = registry.find(branchId).map(org -> org.fullMembersOnRollOn(votedOn)).orElse(0);
        if (stated != onRoll) {
            throw new RuleViolation(code, "statedFullMembersMatchTheBranchRoll",
                    "The vote states " + stated + " full members, but branch " + branchId + " had " + onRoll
                            + " full members on its roll on " + votedOn + ", and two thirds of them are needed.");
        }
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

    /** Whether {@code orgId} names a grassroots committee: the only committee that votes on a branch's members. */
    static boolean isGrassrootsCommittee(String orgId, OrganisationRegistry registry) {
        return orgId != null
                && registry.find(orgId).filter(org -> org.kind() == OrganisationKind.GRASSROOTS_COMMITTEE).isPresent();
    }
}

package vn.partyledger.command.member;

import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;

/**
 * Introducers (I4) and probation mentors are full members on the roll of the branch that names them, on the day they
 * are named. The ledger knows its members, so a member it does not know is refused, never taken on the caller's word
 * (ADR 0029): the branch's members are imported first.
 */
final class FullMemberOnTheDate {

    private FullMemberOnTheDate() {
    }

    /** The other member's standing, once they are known, full on {@code date} and on {@code branchId}'s roll. */
    static MemberStanding required(Invariant code, String rule, String role, String otherMemberId, String branchId,
                                   LocalDate date, MemberRegistry members) {
        MemberStanding other = members.find(otherMemberId).orElseThrow(() -> new RuleViolation(code, rule,
                "The " + role + " " + otherMemberId + " is not on record in this ledger, so it cannot tell whether "
                        + "they are a full member on the roll of branch " + branchId + ". Import the branch's "
                        + "members (POST /api/v1/imports, docs/onboarding/import-file.md) first."));
        if (!other.fullOn(date)) {
            throw new RuleViolation(code, rule, "The " + role + " " + otherMemberId + " is not a full member on "
                    + date + " (now " + other.status() + "); only a full member may be a " + role + ".");
        }
        if (!other.onTheRollOf(branchId, date)) {
            throw new RuleViolation(code, rule, "The " + role + " " + otherMemberId + " is on the roll of "
                    + other.homeOrgId() + " since " + other.homeSince() + ", not of branch " + branchId + " on "
                    + date + "; the branch names a " + role + " from its own full members.");
        }
        return other;
    }
}

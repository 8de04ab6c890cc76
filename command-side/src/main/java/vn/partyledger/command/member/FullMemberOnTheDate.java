package vn.partyledger.command.member;

import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;

/** Introducers (I4) and probation mentors are full members on the day they are named. */
final class FullMemberOnTheDate {

    private FullMemberOnTheDate() {
    }

    /**
     * A member on record in this ledger must be FULL on the date. A member not yet on record (kept on paper until
     * existing members are migrated) cannot be checked here and is accepted (ADR 0008).
     */
    static void required(Invariant code, String rule, String role, String otherMemberId, LocalDate date,
                         MemberRegistry members) {
        members.find(otherMemberId)
                .filter(standing -> !standing.fullOn(date))
                .ifPresent(standing -> {
                    throw new RuleViolation(code, rule, "The " + role + " " + otherMemberId
                            + " is not a full member on " + date + " (now " + standing.status()
                            + "); only a full member may be a " + role + ".");
                });
    }
}

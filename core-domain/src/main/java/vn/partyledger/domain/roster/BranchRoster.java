package vn.partyledger.domain.roster;

import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch's roll on a date. {@code headcount} is the official count (đảng số): probationary and full members whose
 * home is this branch, exempt members included (docs/rules.md#s8); {@code exemptCount} is how many of them are exempt,
 * fully or temporarily, reported separately.
 */
public record BranchRoster(String orgId,
                           String name,
                           String parentOrgId,
                           LocalDate asOf,
                           int headcount,
                           int exemptCount,
                           List<Entry> members) {

    /**
     * One member's line. The overlays (docs/rules.md#s19) are as of the roster's date: {@code exemption} is null when the
     * member is not exempt, {@code lostContactSince} null when the party organisation is in contact with the member.
     */
    public record Entry(String memberId, String personId, MemberStatus status, LocalDate since,
                        LocalDate probationEndDate, LocalDate admissionDecisionDate, Exemption exemption,
                        boolean suspended, LocalDate lostContactSince) {
    }

    /** An exemption in force: {@code until} is the planned end of a temporary one, null for a full one. */
    public record Exemption(ExemptionKind kind, LocalDate from, LocalDate until) {
    }
}

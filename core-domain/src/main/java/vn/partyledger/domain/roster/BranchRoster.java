package vn.partyledger.domain.roster;

import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch's roll on a date. {@code headcount} is the official count (đảng số): probationary and full members whose
 * home is this branch.
 */
public record BranchRoster(String orgId,
                           String name,
                           String parentOrgId,
                           LocalDate asOf,
                           int headcount,
                           List<Entry> members) {

    public record Entry(String memberId, String personId, MemberStatus status, LocalDate since,
                        LocalDate probationEndDate, LocalDate admissionDecisionDate) {
    }
}

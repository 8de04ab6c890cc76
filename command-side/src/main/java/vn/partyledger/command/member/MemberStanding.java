package vn.partyledger.command.member;

import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/**
 * What other members may know of a member: the status now, since when full membership is effective, and the branch
 * whose roll holds them now and since when (a merge or split carries the member's time in the unit over: they stay
 * where they work or live, ADR 0029).
 */
public record MemberStanding(String memberId, MemberStatus status, LocalDate fullSince, String homeOrgId,
                             LocalDate homeSince) {

    public boolean fullOn(LocalDate date) {
        return status == MemberStatus.FULL && !fullSince.isAfter(date);
    }

    /** Whether {@code branchId}'s roll has held the member since {@code date} or earlier, up to now. */
    public boolean onTheRollOf(String branchId, LocalDate date) {
        return branchId.equals(homeOrgId) && homeSince != null && !homeSince.isAfter(date);
    }
}

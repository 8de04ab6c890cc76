package vn.partyledger.command.member;

import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/** What other members may know of a member: the status now and since when full membership is effective. */
public record MemberStanding(String memberId, MemberStatus status, LocalDate fullSince) {

    public boolean fullOn(LocalDate date) {
        return status == MemberStatus.FULL && !fullSince.isAfter(date);
    }
}

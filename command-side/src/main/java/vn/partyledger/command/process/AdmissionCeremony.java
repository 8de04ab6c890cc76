package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import vn.partyledger.command.member.Member;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;

/** The admission ceremony (I8): the candidate becomes a probationary member and goes onto the branch's roll. */
public record AdmissionCeremony(Records<Member> members, MembershipLedger ledger) {

    @CommandHandler
    public void handle(AdmitMember command, MetaData metaData, WorkingDayCalendar calendar, AdmissionPolicy policy,
                       Today today) {
        MemberAdmitted admitted = members.addressed(command.memberId(), metaData)
                .invoke(member -> member.admit(command, calendar, policy, today));
        ledger.enrol(admitted.homeOrgId(), admitted.memberId(), MemberStatus.PROBATIONARY, admitted.ceremonyDate());
    }
}

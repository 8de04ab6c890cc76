package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * How probation ends (I9, I11): recognised as a full member from the day probation ended, who stays on the roll as full,
 * or struck off the probationary list, who leaves it.
 */
public record EndOfProbation(Records<Member> members, MembershipLedger ledger) {

    @CommandHandler
    public void handle(RecognizeFullMember command, MetaData metaData, OrganisationRegistry registry,
                       AuthorityResolver authority, WorkingDayCalendar calendar, RecruitmentPolicy policy,
                       Today today) {
        Aggregate<Member> member = members.addressed(command.memberId(), metaData);
        LocalDate onThisRollSince = member.invoke(Member::standingSince);
        FullMembershipRecognized recognised = member.invoke(
                it -> it.recognise(command, registry, authority, calendar, policy, today));
        // Full from the end of probation, but on the roll the member is on now only from the day they came onto it:
        // a merge after probation ended moved them to a branch that did not exist when it ended.
        LocalDate fullOnThisRoll = recognised.effectiveDate().isBefore(onThisRollSince) ? onThisRollSince
                : recognised.effectiveDate();
        ledger.enrol(recognised.homeOrgId(), recognised.memberId(), MemberStatus.FULL, fullOnThisRoll);
    }

    @CommandHandler
    public void handle(StrikeOffProbationaryMember command, MetaData metaData, OrganisationRegistry registry,
                       AuthorityResolver authority, VotePolicy votes, Today today) {
        ProbationaryMemberStruckOff struckOff = members.addressed(command.memberId(), metaData)
                .invoke(member -> member.strikeOffTheProbationaryList(command, registry, authority, votes, today));
        ledger.release(struckOff.homeOrgId(), struckOff.memberId(), struckOff.decisionDate());
    }
}

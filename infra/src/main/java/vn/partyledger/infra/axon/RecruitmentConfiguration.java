package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.member.AggregateMemberRegistry;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.member.MemberRegistry;
import vn.partyledger.command.member.MemberStanding;
import vn.partyledger.command.organisation.FullMemberHomes;
import vn.partyledger.domain.member.ReadmissionPolicy;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.VotePolicy;

/**
 * The recruitment pipeline's resources: its policy numbers, the vote thresholds and the look-up of other members
 * (introducers, mentors, a committee's leaders).
 */
@Configuration(proxyBeanMethods = false)
public class RecruitmentConfiguration {

    @Bean
    public RecruitmentPolicy recruitmentPolicy(RecruitmentRulesProperties rules) {
        return rules.toPolicy();
    }

    @Bean
    public ReadmissionPolicy readmissionPolicy(ReadmissionRulesProperties rules) {
        return rules.toPolicy();
    }

    @Bean
    public VotePolicy votePolicy(VoteRulesProperties rules) {
        return rules.toPolicy();
    }

    @Bean
    public MemberRegistry memberRegistry(org.axonframework.config.Configuration axon) {
        return new AggregateMemberRegistry(() -> axon.repository(Member.class));
    }

    /** A committee's leaders are looked up on their own records: full on the day, and on which branch's roll. */
    @Bean
    public FullMemberHomes fullMemberHomes(MemberRegistry members) {
        return (memberId, date) -> members.find(memberId)
                .filter(member -> member.fullOn(date))
                .map(MemberStanding::homeOrgId);
    }
}

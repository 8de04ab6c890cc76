package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.partyledger.domain.member.VotePolicy;

/**
 * docs/rules.md#s20's {@code ADMISSION_VOTE_THRESHOLD} ("2/3": at least this share of the electorate, for admission,
 * recognition and striking off the probationary list, at the branch and the grassroots committee) and the simple
 * majority ("1/2": more than this share, for a standing committee's strike-off decision and a branch's strike-off
 * proposal), written as fractions.
 */
@ConfigurationProperties("partyledger.rules.votes")
public record VoteRulesProperties(@DefaultValue("2/3") String admissionThreshold,
                                  @DefaultValue("1/2") String majority) {

    VotePolicy toPolicy() {
        return new VotePolicy(VotePolicy.Share.parse(admissionThreshold), VotePolicy.Share.parse(majority));
    }
}

package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A vote on recognising the probationary member: the branch (attempts 1 to 3) or, above a subordinate branch or after
 * a deadlock, the grassroots committee named by {@code committeeOrgId}, null for a branch vote (I10).
 * {@code electorate} is the branch's full members on the roll or the committee's members in office.
 */
public record RecordRecognitionVote(@TargetAggregateIdentifier String memberId,
                                    VoteLevel level,
                                    String committeeOrgId,
                                    LocalDate voteDate,
                                    int electorate,
                                    int inFavour,
                                    int against,
                                    int attemptNo) {
}

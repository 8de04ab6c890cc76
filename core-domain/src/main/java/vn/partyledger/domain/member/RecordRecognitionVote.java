package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A vote on recognising the probationary member: the branch (attempts 1 to 3) or, above a subordinate branch or after
 * a deadlock, the grassroots committee named by {@code committeeOrgId}, null for a branch vote (I10).
 * {@code electorate} is optional: the ledger knows the branch's full members on the roll and the committee's members in
 * office on the vote date; a count the minutes state is held against them.
 */
public record RecordRecognitionVote(@TargetAggregateIdentifier String memberId,
                                    VoteLevel level,
                                    String committeeOrgId,
                                    LocalDate voteDate,
                                    Integer electorate,
                                    int inFavour,
                                    int against,
                                    int attemptNo) {
}

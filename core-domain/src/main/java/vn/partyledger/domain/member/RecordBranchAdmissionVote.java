package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The branch meeting votes on the admission. The candidate's age and education on the vote date come from the person
 * register, never from the caller (I5).
 */
public record RecordBranchAdmissionVote(@TargetAggregateIdentifier String memberId,
                                        String meetingId,
                                        LocalDate voteDate,
                                        int fullMembersOnRoll,
                                        int inFavour,
                                        int against) {
}

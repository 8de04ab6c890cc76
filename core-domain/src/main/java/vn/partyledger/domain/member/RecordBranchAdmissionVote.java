package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The branch meeting votes on the admission. The candidate's age and education on the vote date come from the person
 * register, and the electorate from the branch's roll on the vote date, never from the caller (I5):
 * {@code fullMembersOnRoll} is optional, the count the minutes state, held against the roll when given.
 */
public record RecordBranchAdmissionVote(@TargetAggregateIdentifier String memberId,
                                        String meetingId,
                                        LocalDate voteDate,
                                        Integer fullMembersOnRoll,
                                        int inFavour,
                                        int against) {
}

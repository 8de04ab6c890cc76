package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The branch meeting votes on the admission. {@code ageInMonthsAtVote} (completed months) and {@code education} are
 * stated from the file for the eligibility rules and are not stored (I5).
 */
public record RecordBranchAdmissionVote(@TargetAggregateIdentifier String memberId,
                                        String meetingId,
                                        LocalDate voteDate,
                                        int fullMembersOnRoll,
                                        int inFavour,
                                        int against,
                                        int ageInMonthsAtVote,
                                        EducationLevel education) {
}

package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The grassroots committee above a subordinate branch votes on the admission (I6). */
public record RecordCommitteeAdmissionVote(@TargetAggregateIdentifier String memberId,
                                           String committeeOrgId,
                                           LocalDate voteDate,
                                           int membersInOffice,
                                           int inFavour) {
}

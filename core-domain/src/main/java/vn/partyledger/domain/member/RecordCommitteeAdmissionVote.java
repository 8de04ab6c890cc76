package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The grassroots committee above a subordinate branch votes on the admission (I6). Its members in office come from its
 * recorded election; {@code membersInOffice} is optional, the count the minutes state, held against it when given.
 */
public record RecordCommitteeAdmissionVote(@TargetAggregateIdentifier String memberId,
                                           String committeeOrgId,
                                           LocalDate voteDate,
                                           Integer membersInOffice,
                                           int inFavour) {
}

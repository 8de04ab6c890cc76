package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Put an outstanding candidate on a branch's sympathiser list; opens the member's record (stage CANDIDATE). */
public record RegisterOutstandingCandidate(@TargetAggregateIdentifier String memberId,
                                           String personId,
                                           String branchId,
                                           CandidateSource source,
                                           String mentorMemberId,
                                           LocalDate registeredOn) {
}

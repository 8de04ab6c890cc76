package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Assign a full member to help the probationary member (docs/rules.md#s6). */
public record AssignProbationMentor(@TargetAggregateIdentifier String memberId,
                                    String mentorMemberId,
                                    LocalDate assignedOn) {
}

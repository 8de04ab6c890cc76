package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The member's written request to leave the Party, reported to the branch (docs/rules.md#s10-2); the reason's detail stays
 * on paper.
 */
public record RequestVoluntaryExit(@TargetAggregateIdentifier String memberId,
                                   String reasonCode,
                                   LocalDate requestedOn) {
}

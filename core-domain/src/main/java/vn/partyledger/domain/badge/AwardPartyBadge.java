package vn.partyledger.domain.badge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * Award the {@code level}-year badge at the occasion on {@code occasionDate}: one of the configured anniversaries,
 * or another occasion decided by the provincial standing committee ({@code specialOccasionRef}). {@code seriousIllness}
 * and {@code posthumous} ask for the early award the rules allow; {@code decision} is the awarding decision.
 * {@code correctionConfirmationRef} is the branch's confirmation that a disciplined member corrected the fault, which
 * lets the member be considered once the deferral after the discipline has passed while the discipline still applies.
 */
public record AwardPartyBadge(@TargetAggregateIdentifier String memberId,
                              int level,
                              String badgeNumber,
                              LocalDate occasionDate,
                              String specialOccasionRef,
                              boolean seriousIllness,
                              boolean posthumous,
                              String correctionConfirmationRef,
                              DecisionRef decision) {
}

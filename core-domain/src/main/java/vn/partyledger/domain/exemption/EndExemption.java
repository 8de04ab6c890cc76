package vn.partyledger.domain.exemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * End the member's active exemption on {@code endedOn}. {@code returnFeedbackRef} names the comments the member brings
 * back from where they stayed (HD 01 §10.3), when there are any.
 */
public record EndExemption(@TargetAggregateIdentifier String memberId,
                           ExemptionEndReason reason,
                           LocalDate endedOn,
                           String returnFeedbackRef) {
}

package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The member returns home; {@code hostFeedbackRef} names the host branch's comments on the member. */
public record EndTemporaryAttachment(@TargetAggregateIdentifier String transferId,
                                     LocalDate returnDate,
                                     String hostFeedbackRef) {
}

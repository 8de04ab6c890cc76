package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The committees concerned were told (the report is the decision in metadata); the attachment runs to {@code newUntil}. */
public record ExtendTemporaryAttachment(@TargetAggregateIdentifier String transferId,
                                        LocalDate newUntil,
                                        LocalDate extendedOn) {
}

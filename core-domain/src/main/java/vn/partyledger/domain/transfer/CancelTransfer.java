package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record CancelTransfer(@TargetAggregateIdentifier String transferId,
                             CancellationReason reason,
                             LocalDate cancelledOn) {
}

package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The deadline scheduler's command: the letter was not presented by its present-by date. */
public record MarkTransferOverdue(@TargetAggregateIdentifier String transferId, LocalDate asOf) {
}

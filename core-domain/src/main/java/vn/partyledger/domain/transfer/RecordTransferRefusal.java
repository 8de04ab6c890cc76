package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The province a letter was sent to refused it (ADR 0046), as the inbound integration receives its message:
 * {@code refusingProvince} is that province's CloudEvents source. The member returns to the sending branch.
 */
public record RecordTransferRefusal(@TargetAggregateIdentifier String transferId,
                                    String refusingProvince,
                                    RefusalReason reason,
                                    LocalDate refusedOn) {
}

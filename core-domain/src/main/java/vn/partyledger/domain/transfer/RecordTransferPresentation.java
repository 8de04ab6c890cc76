package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The province a letter was sent to confirms that the member presented it there (ADR 0050), as the inbound
 * integration receives its message: {@code presentingProvince} is that province's CloudEvents source. The case closes
 * and the member leaves this province's roll.
 */
public record RecordTransferPresentation(@TargetAggregateIdentifier String transferId,
                                         String presentingProvince,
                                         LocalDate presentedOn) {
}

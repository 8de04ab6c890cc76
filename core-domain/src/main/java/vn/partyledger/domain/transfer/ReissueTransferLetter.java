package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** The letter was lost: the sending authority issues a new letter, with a new number, for the same case. */
public record ReissueTransferLetter(@TargetAggregateIdentifier String transferId, DecisionRef letter) {
}

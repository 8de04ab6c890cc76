package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Suspend the member's party activity while a discipline case against them is open. */
public record SuspendPartyActivity(@TargetAggregateIdentifier String memberId,
                                   DecisionRef decision) {
}

package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Lift the suspension: the discipline case is closed. */
public record LiftSuspension(@TargetAggregateIdentifier String memberId,
                             DecisionRef decision) {
}

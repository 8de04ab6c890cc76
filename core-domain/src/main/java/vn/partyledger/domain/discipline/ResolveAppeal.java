package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** The higher committee resolves the pending appeal. */
public record ResolveAppeal(@TargetAggregateIdentifier String memberId,
                            AppealOutcome outcome,
                            DecisionRef decision) {
}

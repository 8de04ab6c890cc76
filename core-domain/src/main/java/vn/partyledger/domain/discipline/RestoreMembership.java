package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Restore party status after the strike-off or expulsion was annulled (I26). */
public record RestoreMembership(@TargetAggregateIdentifier String memberId,
                                DecisionRef decision) {
}

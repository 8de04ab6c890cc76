package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * Discipline a member (domain.md §10.3, I12). {@code postHeld} states that the member holds a party post, which a
 * dismissal needs (ADR 0013).
 */
public record ImposeDiscipline(@TargetAggregateIdentifier String memberId,
                               DisciplineForm form,
                               boolean postHeld,
                               DecisionRef decision) {
}

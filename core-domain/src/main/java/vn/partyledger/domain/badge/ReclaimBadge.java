package vn.partyledger.domain.badge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/** An expelled member handed the {@code level}-year badge back on {@code returnedOn} (docs/rules.md#s7-2, §10.3). */
public record ReclaimBadge(@TargetAggregateIdentifier String memberId,
                           int level,
                           LocalDate returnedOn,
                           DecisionRef decision) {
}

package vn.partyledger.domain.badge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Reissue the member's lost {@code level}-year badge as {@code newBadgeNumber}, for the stated good reason. */
public record ReissueBadge(@TargetAggregateIdentifier String memberId,
                           int level,
                           String newBadgeNumber,
                           String reason,
                           DecisionRef decision) {
}

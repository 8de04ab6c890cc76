package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Reissue a card reported lost as {@code newCardNumber}, by {@code decision} of the issuing committee. */
public record ReissuePartyCard(@TargetAggregateIdentifier String memberId,
                               String newCardNumber,
                               DecisionRef decision) {
}

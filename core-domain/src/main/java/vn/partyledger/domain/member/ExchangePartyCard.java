package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Exchange the member's valid card for {@code newCardNumber} in an exchange {@code campaign} (e.g. CT-51-2025). */
public record ExchangePartyCard(@TargetAggregateIdentifier String memberId,
                                String newCardNumber,
                                String campaign,
                                DecisionRef decision) {
}

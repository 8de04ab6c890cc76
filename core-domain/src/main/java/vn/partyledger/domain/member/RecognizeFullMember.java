package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * The competent committee recognises the probationary member as a full member (I9). {@code extensionReason} allows 30
 * more working days for the decision.
 */
public record RecognizeFullMember(@TargetAggregateIdentifier String memberId,
                                  DecisionRef decision,
                                  String extensionReason) {
}

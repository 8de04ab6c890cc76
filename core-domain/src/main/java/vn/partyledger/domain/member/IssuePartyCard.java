package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * Issue party card {@code cardNumber} (opaque) to a full member by {@code decision} of the direct superior of the
 * member's grassroots organisation; the branch hands it over at meeting {@code handedOverMeetingId}.
 */
public record IssuePartyCard(@TargetAggregateIdentifier String memberId,
                             String cardNumber,
                             String handedOverMeetingId,
                             DecisionRef decision) {
}

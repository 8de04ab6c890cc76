package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** The competent committee decides the branch's passed strike-off proposal (I20). */
public record StrikeOffMember(@TargetAggregateIdentifier String memberId,
                              DecisionRef decision) {
}

package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** The competent committee decides not to admit (I7); the branch is notified of the result. */
public record RefuseAdmission(@TargetAggregateIdentifier String memberId,
                              DecisionRef decision,
                              String reason) {
}

package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * Record the provincial standing committee's written consent (re-admission, over the age limit, education exception).
 */
public record RecordProvincialConsent(@TargetAggregateIdentifier String memberId,
                                      ConsentKind kind,
                                      DecisionRef decision) {
}

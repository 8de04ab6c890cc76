package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The member's branch (or a committee above it) records that the member lost contact with the party organisation
 * from {@code from}; the time until contact is restored is a party-age gap (docs/rules.md#s7-1, §17.6).
 */
public record RecordLostContact(@TargetAggregateIdentifier String memberId,
                                LocalDate from,
                                DecisionRef decision) {
}

package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The competent committee decides to admit. The decision's signing date starts the member's party age;
 * {@code receivedByBranchOn} starts the 30-working-day clock for the ceremony (I8). {@code extensionReason}, when
 * given, allows the decision 30 more working days after the branch resolution (I7).
 */
public record DecideAdmission(@TargetAggregateIdentifier String memberId,
                              DecisionRef decision,
                              LocalDate receivedByBranchOn,
                              String extensionReason) {
}

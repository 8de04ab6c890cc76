package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/** The member took part in party life again from {@code to}: the lost-contact gap closes there (docs/rules.md#s17-6). */
public record RecordContactRestored(@TargetAggregateIdentifier String memberId,
                                    LocalDate to,
                                    DecisionRef decision) {
}

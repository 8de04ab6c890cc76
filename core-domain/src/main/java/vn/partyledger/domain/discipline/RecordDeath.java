package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The branch records a member's death (docs/rules.md#s10-5, I29). */
public record RecordDeath(@TargetAggregateIdentifier String memberId,
                          LocalDate dateOfDeath) {
}

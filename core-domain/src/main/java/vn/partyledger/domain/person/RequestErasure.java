package vn.partyledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The person asks for their data to be erased (PDP Law 91/2025 Art. 16; domain.md §15.2 rule 3): executed by destroying
 * the person's data key unless a retention basis holds, which the refusal names.
 */
public record RequestErasure(@TargetAggregateIdentifier String personId, LocalDate requestedOn) {
}

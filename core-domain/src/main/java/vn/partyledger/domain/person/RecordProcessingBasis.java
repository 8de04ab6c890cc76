package vn.partyledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record on which basis the person's data is processed (domain.md §15.1; the basis is for counsel to settle [U]). */
public record RecordProcessingBasis(@TargetAggregateIdentifier String personId, ProcessingBasis basis,
                                    LocalDate recordedOn) {
}

package vn.partyledger.domain.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/** Correct the business date of an entry on the member's record, named by its event id (I30). */
public record CorrectEntryDate(@TargetAggregateIdentifier String memberId,
                               String eventId,
                               LocalDate correctedDate,
                               CorrectionReason reason,
                               DecisionRef decision) implements CorrectionOfTheRecord {
}

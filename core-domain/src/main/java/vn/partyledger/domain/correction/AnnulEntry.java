package vn.partyledger.domain.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Annul a mistaken entry on the member's record, named by its event id (I30); the decision authorises it. */
public record AnnulEntry(@TargetAggregateIdentifier String memberId,
                         String eventId,
                         CorrectionReason reason,
                         DecisionRef decision) implements CorrectionOfTheRecord {
}

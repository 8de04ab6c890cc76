package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The member appeals against the latest strike-off or discipline decision (I21), received on {@code
 * decisionReceivedOn}.
 */
public record FileAppeal(@TargetAggregateIdentifier String memberId,
                         AppealSubject subject,
                         LocalDate decisionReceivedOn,
                         LocalDate filedOn) {
}

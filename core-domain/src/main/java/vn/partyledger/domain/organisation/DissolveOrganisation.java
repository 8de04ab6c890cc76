package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * Close an organisation from {@code effectiveDate} (its first day without it). {@code successorOrgId} is optional and
 * lets later look-ups (a transfer letter addressed to it, I18) find where it went.
 */
public record DissolveOrganisation(@TargetAggregateIdentifier String orgId,
                                   DissolutionReason reason,
                                   String successorOrgId,
                                   LocalDate effectiveDate,
                                   DecisionRef decision) {
}

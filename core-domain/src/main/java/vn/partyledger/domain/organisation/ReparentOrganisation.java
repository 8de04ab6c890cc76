package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * Place an organisation under another parent from {@code effectiveDate}, e.g. every ward moved from its district to
 * the province on 1 Jul 2025. Members are not affected; authority look-ups are.
 */
public record ReparentOrganisation(@TargetAggregateIdentifier String orgId,
                                   String newParentOrgId,
                                   LocalDate effectiveDate,
                                   DecisionRef decision) {
}

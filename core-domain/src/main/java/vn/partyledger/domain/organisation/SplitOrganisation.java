package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/**
 * Split an organisation from {@code effectiveDate}: every member on its roll goes to the target the allocation list
 * names (collective transfer), and the source is dissolved (I2).
 */
public record SplitOrganisation(@TargetAggregateIdentifier String sourceOrgId,
                                List<MemberAllocation> allocation,
                                LocalDate effectiveDate,
                                DecisionRef decision) {
}

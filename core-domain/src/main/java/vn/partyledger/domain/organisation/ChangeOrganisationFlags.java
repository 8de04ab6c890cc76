package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/** Give an organisation new roles and authorities from {@code effectiveDate} (e.g. a ward becoming direct superior). */
public record ChangeOrganisationFlags(@TargetAggregateIdentifier String orgId,
                                      OrganisationFlags flags,
                                      LocalDate effectiveDate,
                                      DecisionRef decision) {
}

package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/** Rename an organisation from {@code effectiveDate}; the old name stays in its history (docs/rules.md#s3-5). */
public record RenameOrganisation(@TargetAggregateIdentifier String orgId,
                                 String newName,
                                 LocalDate effectiveDate,
                                 DecisionRef decision) {
}

package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/** Record an organisation's grade for a year, by the superior's decision. */
public record GradeOrganisation(@TargetAggregateIdentifier String orgId,
                                int year,
                                OrganisationGrade grade,
                                DecisionRef decision) {
}

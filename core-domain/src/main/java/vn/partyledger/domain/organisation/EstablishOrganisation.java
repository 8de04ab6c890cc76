package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * Found an organisation by decision. {@code parentOrgId} is null only for the top of this deployment's tree.
 * {@code foundingFullMembers} is the number of full members the founding decision lists (I1 asks for at least three).
 */
public record EstablishOrganisation(@TargetAggregateIdentifier String orgId,
                                    String name,
                                    OrganisationKind kind,
                                    BranchType branchType,
                                    String parentOrgId,
                                    String adminUnitCode,
                                    OrganisationFlags flags,
                                    int foundingFullMembers,
                                    LocalDate effectiveDate,
                                    DecisionRef decision) {
}

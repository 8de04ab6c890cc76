package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An organisation was founded. {@code belowMinimumFullMembers} records the I1 warning the decision overrode. */
@Revision("1")
public record OrganisationEstablished(String orgId,
                                      String name,
                                      OrganisationKind kind,
                                      BranchType branchType,
                                      String parentOrgId,
                                      String adminUnitCode,
                                      OrganisationFlags flags,
                                      int foundingFullMembers,
                                      boolean belowMinimumFullMembers,
                                      LocalDate effectiveDate) {
}

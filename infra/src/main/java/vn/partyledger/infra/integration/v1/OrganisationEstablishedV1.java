package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.organisation.established.v1}, from the domain's {@code OrganisationEstablished}.
 * Contract: docs/integration/organisation.established.v1.schema.json.
 */
public record OrganisationEstablishedV1(String orgId,
                                        String name,
                                        String kind,
                                        String branchType,
                                        String parentOrgId,
                                        String adminUnitCode,
                                        LocalDate effectiveDate) {
}

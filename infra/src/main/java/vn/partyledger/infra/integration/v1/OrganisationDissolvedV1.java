package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.organisation.dissolved.v1}, from the domain's {@code OrganisationDissolved}.
 * Contract: docs/integration/organisation.dissolved.v1.schema.json.
 */
public record OrganisationDissolvedV1(String orgId,
                                      String reason,
                                      String successorOrgId,
                                      LocalDate effectiveDate) {
}

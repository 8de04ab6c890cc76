package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.organisation.renamed.v1}, from the domain's {@code OrganisationRenamed}.
 * Contract: docs/integration/organisation.renamed.v1.schema.json.
 */
public record OrganisationRenamedV1(String orgId,
                                    String newName,
                                    LocalDate effectiveDate) {
}

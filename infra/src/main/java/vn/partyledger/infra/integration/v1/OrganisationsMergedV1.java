package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.partyledger.organisation.merged.v1}, from the domain's {@code OrganisationsMerged}.
 * Contract: docs/integration/organisation.merged.v1.schema.json.
 */
public record OrganisationsMergedV1(String targetOrgId,
                                    List<String> sourceOrgIds,
                                    LocalDate effectiveDate) {
}

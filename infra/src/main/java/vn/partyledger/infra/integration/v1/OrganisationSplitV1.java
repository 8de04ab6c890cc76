package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.partyledger.organisation.split.v1}, from the domain's {@code OrganisationSplit}.
 * Contract: docs/integration/organisation.split.v1.schema.json.
 */
public record OrganisationSplitV1(String sourceOrgId,
                                  List<String> targetOrgIds,
                                  LocalDate effectiveDate) {
}

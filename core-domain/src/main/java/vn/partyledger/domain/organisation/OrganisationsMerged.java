package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The sources were merged into {@code targetOrgId}, which is their successor from {@code effectiveDate}. */
@Revision("1")
public record OrganisationsMerged(String targetOrgId, List<String> sourceOrgIds, LocalDate effectiveDate) {
}

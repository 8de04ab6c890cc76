package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The organisation bears {@code newName} from {@code effectiveDate}; earlier dates keep the earlier name. */
@Revision("1")
public record OrganisationRenamed(String orgId, String newName, LocalDate effectiveDate) {
}

package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The organisation holds {@code flags} from {@code effectiveDate}; authority look-ups before it read the old ones. */
@Revision("1")
public record OrganisationRoleChanged(String orgId, OrganisationFlags flags, LocalDate effectiveDate) {
}

package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The organisation no longer exists from {@code effectiveDate}; {@code successorOrgId} may be null. */
@Revision("1")
public record OrganisationDissolved(String orgId, DissolutionReason reason, String successorOrgId,
                                    LocalDate effectiveDate) {
}

package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The organisation is under {@code newParentOrgId} from {@code effectiveDate}; earlier dates keep the old parent. */
@Revision("1")
public record OrganisationReparented(String orgId, String previousParentOrgId, String newParentOrgId,
                                     LocalDate effectiveDate) {
}

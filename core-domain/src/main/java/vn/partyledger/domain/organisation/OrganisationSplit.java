package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The organisation was split: each member went to the target its allocation line names. */
@Revision("1")
public record OrganisationSplit(String sourceOrgId, List<MemberAllocation> allocation, LocalDate effectiveDate) {
}

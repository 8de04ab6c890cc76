package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

/** The organisation's grade for {@code year}. */
@Revision("1")
public record OrganisationGraded(String orgId, int year, OrganisationGrade grade) {
}

package vn.partyledger.domain.badge;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The expelled member handed back the {@code level}-year badge {@code badgeNumber}; the decision is in metadata. */
@Revision("1")
public record PartyBadgeReturned(String memberId,
                                 int level,
                                 String badgeNumber,
                                 LocalDate returnedOn,
                                 String decidedByOrgId) {
}

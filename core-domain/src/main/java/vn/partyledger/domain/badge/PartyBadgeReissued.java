package vn.partyledger.domain.badge;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The {@code level}-year badge {@code oldBadgeNumber} was replaced by {@code newBadgeNumber}. */
@Revision("1")
public record PartyBadgeReissued(String memberId,
                                 int level,
                                 String oldBadgeNumber,
                                 String newBadgeNumber,
                                 String reason,
                                 LocalDate reissuedOn,
                                 String decidedByOrgId) {
}

package vn.partyledger.domain.badge;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * The {@code level}-year badge {@code oldBadgeNumber} was replaced by {@code newBadgeNumber}. The reason is free
 * text, so it is sealed with the person's key; revision 1 held it in plain (ADR 0023).
 */
@Revision("2")
public record PartyBadgeReissued(String memberId,
                                 int level,
                                 String oldBadgeNumber,
                                 String newBadgeNumber,
                                 Sensitive<String> reason,
                                 LocalDate reissuedOn,
                                 String decidedByOrgId) {
}

package vn.partyledger.domain.badge;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * {@code early} when the occasion came before the member reached the level; the decision is in metadata. An early
 * award that is not posthumous is for serious illness, so {@code early} is sealed with the person's key; revision 1
 * held it in plain (ADR 0023).
 */
@Revision("2")
public record PartyBadgeAwarded(String memberId,
                                int level,
                                String badgeNumber,
                                LocalDate occasionDate,
                                Sensitive<Boolean> early,
                                boolean posthumous,
                                String decidedByOrgId) {
}

package vn.partyledger.domain.badge;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** {@code early} when the occasion came before the member reached the level; the decision is in metadata. */
@Revision("1")
public record PartyBadgeAwarded(String memberId,
                                int level,
                                String badgeNumber,
                                LocalDate occasionDate,
                                boolean early,
                                boolean posthumous,
                                String decidedByOrgId) {
}

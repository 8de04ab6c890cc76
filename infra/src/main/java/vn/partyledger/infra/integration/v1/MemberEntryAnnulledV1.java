package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.entry-annulled.v1}, from the domain's {@code EntryAnnulled}.
 * Contract: docs/integration/member.entry-annulled.v1.schema.json.
 */
public record MemberEntryAnnulledV1(String memberId,
                                    String annulledEventId,
                                    String annulledEntryType,
                                    String homeOrgId,
                                    LocalDate entryDate,
                                    String restoredStatus,
                                    String reason,
                                    String decidedByOrgId,
                                    LocalDate decidedOn) {
}

package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.entry-date-corrected.v1}, from the domain's {@code EntryDateCorrected}.
 * Contract: docs/integration/member.entry-date-corrected.v1.schema.json.
 */
public record MemberEntryDateCorrectedV1(String memberId,
                                         String correctedEventId,
                                         String correctedEntryType,
                                         LocalDate recordedDate,
                                         LocalDate correctedDate,
                                         String reason,
                                         String decidedByOrgId,
                                         LocalDate decidedOn) {
}

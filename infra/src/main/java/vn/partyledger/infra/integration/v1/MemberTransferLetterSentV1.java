package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.partyledger.member.transfer-letter-sent.v1}: an official transfer letter to a branch of another province,
 * with the member's transferable record; received on the inbound topic (ADR 0045).
 * Contract: docs/integration/member.transfer-letter-sent.v1.schema.json.
 */
public record MemberTransferLetterSentV1(String memberId,
                                         String transferId,
                                         String fromOrgId,
                                         String toOrgId,
                                         String letterNo,
                                         LocalDate letterDate,
                                         LocalDate presentBy,
                                         Record record) {

    /** The member's transferable record: standing, dates, gaps in party age, badges, card, discipline in effect. */
    public record Record(String status,
                         LocalDate admissionDate,
                         LocalDate recognitionDate,
                         LocalDate probationEndDate,
                         List<Gap> partyAgeGaps,
                         List<Badge> badges,
                         String cardNumber,
                         List<Discipline> disciplineInEffect) {
    }

    public record Gap(LocalDate from, LocalDate until) {
    }

    public record Badge(int level, String badgeNumber, LocalDate awardedOn) {
    }

    public record Discipline(String form, LocalDate effectiveDate) {
    }
}

package vn.partyledger.domain.transfer;

import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * What a member's record carries from one province to another with an official transfer letter (domain.md §9.1, the
 * member file sent with the letter): standing and dates, the gaps in party age, badges, the card and the discipline in
 * effect. No name or other personal data: the receiving province registers the person itself (§15.2 rule 8).
 *
 * @param admissionDate   the first admission decision, from which party age counts (docs/rules.md#s7-1)
 * @param recognitionDate  null for a probationary member
 * @param probationEndDate the day probation ends (ceremony plus the probation period), from which the receiving
 *                         province counts the recognition's deadline; null for a full member, and for a letter stored
 *                         before the record carried it (revision 1 of the events holding it)
 * @param cardNumber       null while no card was issued
 */
public record TransferableRecord(MemberStatus status,
                                 LocalDate admissionDate,
                                 LocalDate recognitionDate,
                                 LocalDate probationEndDate,
                                 List<PartyAgeGap> partyAgeGaps,
                                 List<Badge> badges,
                                 String cardNumber,
                                 List<Discipline> disciplineInEffect) {

    public TransferableRecord {
        partyAgeGaps = List.copyOf(partyAgeGaps);
        badges = List.copyOf(badges);
        disciplineInEffect = List.copyOf(disciplineInEffect);
    }

    /**
     * A period that does not count towards party age (lost contact, a strike-off later annulled …), from
     * {@code from} up to, not including, {@code until}; {@code until} is null while the gap is open.
     */
    public record PartyAgeGap(LocalDate from, LocalDate until) {
    }

    /** A party badge held: its level in years, its number and the day it was awarded. */
    public record Badge(int level, String badgeNumber, LocalDate awardedOn) {
    }

    /** A discipline the member is still under, with the day it took effect. */
    public record Discipline(DisciplineForm form, LocalDate effectiveDate) {
    }
}

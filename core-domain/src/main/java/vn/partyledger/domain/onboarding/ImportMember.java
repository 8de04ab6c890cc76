package vn.partyledger.domain.onboarding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;

import java.time.LocalDate;
import java.util.List;

/**
 * Onboard a member the paper file already holds (issue 10): the record opens at the status and with the history the
 * file states, as it stood on {@code importedOn}. {@code firstAdmissionDecisionDate} starts party age (it differs from
 * {@code admissionDecisionDate} for a re-admitted member); {@code onRollSince} is the day the member came onto the
 * home branch's roll (the ceremony, or a later transfer in); {@code fullMembershipDate} is null for a probationary
 * member; {@code partyAgeGaps} are the periods the file shows without party age; {@code paperFileRef} names the
 * file the line was taken from. {@code exemption}, {@code discipline} and {@code attachment} are what the file shows
 * in force on the record that day, each null when there is none (ADR 0028). The command names exemption, discipline
 * and transfer terms besides the member's, so it stands here, above those packages.
 */
public record ImportMember(@TargetAggregateIdentifier String memberId,
                           String personId,
                           String homeOrgId,
                           MemberStatus status,
                           LocalDate firstAdmissionDecisionDate,
                           LocalDate admissionDecisionDate,
                           LocalDate ceremonyDate,
                           LocalDate fullMembershipDate,
                           LocalDate onRollSince,
                           List<PartyAge.Gap> partyAgeGaps,
                           String cardNumber,
                           List<ImportedBadge> badges,
                           ImportedExemption exemption,
                           ImportedDiscipline discipline,
                           ImportedAttachment attachment,
                           String paperFileRef,
                           LocalDate importedOn) {

    public ImportMember {
        partyAgeGaps = partyAgeGaps == null ? List.of() : List.copyOf(partyAgeGaps);
        badges = badges == null ? List.of() : List.copyOf(badges);
    }

    /** The member's status on {@code date}: full from full membership on, probationary before. */
    public MemberStatus statusOn(LocalDate date) {
        return fullMembershipDate != null && !date.isBefore(fullMembershipDate) ? MemberStatus.FULL
                : MemberStatus.PROBATIONARY;
    }
}

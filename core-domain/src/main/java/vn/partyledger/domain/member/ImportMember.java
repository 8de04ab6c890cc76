package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Onboard a member the paper file already holds (issue 10): the record opens at the status and with the history the
 * file states, as it stood on {@code importedOn}. {@code firstAdmissionDecisionDate} starts party age (it differs from
 * {@code admissionDecisionDate} for a re-admitted member); {@code onRollSince} is the day the member came onto the
 * home branch's roll (the ceremony, or a later transfer in); {@code fullMembershipDate} is null for a probationary
 * member; {@code partyAgeGaps} are the periods the file shows without party age; {@code paperFileRef} names the
 * file the line was taken from.
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
                           String paperFileRef,
                           LocalDate importedOn) {

    public ImportMember {
        partyAgeGaps = partyAgeGaps == null ? List.of() : List.copyOf(partyAgeGaps);
        badges = badges == null ? List.of() : List.copyOf(badges);
    }
}

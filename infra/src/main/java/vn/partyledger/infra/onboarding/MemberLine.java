package vn.partyledger.infra.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.infra.api.RecordId;
import vn.partyledger.infra.person.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * A member line of an import file (docs/onboarding/import-file.schema.json): the record's history as the paper file
 * states it, and the person's data for the register unless the person is registered already. The latest admission
 * decision defaults to the first (a member admitted once), the day on the roll to the ceremony.
 */
public record MemberLine(@NotNull @RecordId String memberId,
                         @NotNull @RecordId String personId,
                         @Valid PersonalData person,
                         @NotNull @RecordId String homeOrgId,
                         @NotNull MemberStatus status,
                         @NotNull LocalDate firstAdmissionDecisionDate,
                         LocalDate admissionDecisionDate,
                         @NotNull LocalDate ceremonyDate,
                         LocalDate fullMembershipDate,
                         LocalDate onRollSince,
                         List<PartyAge.@NotNull Gap> partyAgeGaps,
                         @Size(max = 40) String cardNumber,
                         List<@NotNull ImportedBadge> badges,
                         @NotBlank @Size(max = 200) String paperFileRef) {

    ImportMember toCommand(LocalDate importedOn) {
        return new ImportMember(memberId, personId, homeOrgId, status, firstAdmissionDecisionDate,
                admissionDecisionDate != null ? admissionDecisionDate : firstAdmissionDecisionDate, ceremonyDate,
                fullMembershipDate, onRollSince != null ? onRollSince : ceremonyDate, partyAgeGaps, cardNumber, badges,
                null, null, null, paperFileRef, importedOn);
    }
}

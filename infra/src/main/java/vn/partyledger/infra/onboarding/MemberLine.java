package vn.partyledger.infra.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportedAttachment;
import vn.partyledger.domain.onboarding.ImportedDiscipline;
import vn.partyledger.domain.onboarding.ImportedExemption;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.infra.api.RecordId;
import vn.partyledger.infra.person.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * A member line of an import file (docs/onboarding/import-file.schema.json): the record's history as the paper file
 * states it, what it shows in force on the record (an exemption, a discipline, a temporary attachment), and the
 * person's data for the register unless the person is registered already. The latest admission decision defaults to
 * the first (a member admitted once), the day on the roll to the ceremony.
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
                         @Valid Exemption exemption,
                         @Valid Discipline discipline,
                         @Valid Attachment attachment,
                         @NotBlank @Size(max = 200) String paperFileRef) {

    /** An exemption in force: {@code until} ends a temporary one and is left out for a full one. */
    public record Exemption(@NotNull ExemptionKind kind,
                            @NotNull ExemptionReason reason,
                            @NotNull LocalDate from,
                            LocalDate until) {

        ImportedExemption toImported() {
            return new ImportedExemption(kind, reason, from, until);
        }
    }

    /** A discipline in effect: what the decision {@code decisionRef} of {@code decidedOn} gave, and for what. */
    public record Discipline(@NotNull DisciplineForm form,
                             @NotNull LocalDate decidedOn,
                             @NotBlank @Size(max = 64) String decisionRef,
                             ViolationCategory violationCategory) {

        ImportedDiscipline toImported() {
            return new ImportedDiscipline(form, decidedOn, decisionRef, violationCategory);
        }
    }

    /** A temporary attachment in force to {@code hostOrgId}; its transfer case takes the id {@code transferId}. */
    public record Attachment(@NotNull @RecordId String transferId,
                             @NotNull @RecordId String hostOrgId,
                             @NotNull LocalDate since,
                             @NotNull LocalDate until,
                             @NotNull TransferTrigger trigger) {

        ImportedAttachment toImported() {
            return new ImportedAttachment(transferId, hostOrgId, since, until, trigger);
        }
    }

    ImportMember toCommand(LocalDate importedOn) {
        return new ImportMember(memberId, personId, homeOrgId, status, firstAdmissionDecisionDate,
                admissionDecisionDate != null ? admissionDecisionDate : firstAdmissionDecisionDate, ceremonyDate,
                fullMembershipDate, onRollSince != null ? onRollSince : ceremonyDate, partyAgeGaps, cardNumber, badges,
                exemption == null ? null : exemption.toImported(), discipline == null ? null : discipline.toImported(),
                attachment == null ? null : attachment.toImported(), paperFileRef, importedOn);
    }
}

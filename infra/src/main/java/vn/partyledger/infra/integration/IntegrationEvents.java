package vn.partyledger.infra.integration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.axonframework.messaging.MetaData;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.transfer.IncomingTransferPresented;
import vn.partyledger.domain.transfer.IncomingTransferRefused;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TransferCancelled;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.transfer.TransferLetterSentToProvince;
import vn.partyledger.domain.transfer.TransferableRecord;
import vn.partyledger.infra.integration.v1.MemberAdmittedV1;
import vn.partyledger.infra.integration.v1.MemberBadgeAwardedV1;
import vn.partyledger.infra.integration.v1.MemberCardIssuedV1;
import vn.partyledger.infra.integration.v1.MemberCollectivelyTransferredV1;
import vn.partyledger.infra.integration.v1.MemberContactRestoredV1;
import vn.partyledger.infra.integration.v1.MemberDeceasedV1;
import vn.partyledger.infra.integration.v1.MemberDisciplinedV1;
import vn.partyledger.infra.integration.v1.MemberEntryAnnulledV1;
import vn.partyledger.infra.integration.v1.MemberEntryDateCorrectedV1;
import vn.partyledger.infra.integration.v1.MemberExemptedV1;
import vn.partyledger.infra.integration.v1.MemberExemptionEndedV1;
import vn.partyledger.infra.integration.v1.MemberExpelledV1;
import vn.partyledger.infra.integration.v1.MemberLeftVoluntarilyV1;
import vn.partyledger.infra.integration.v1.MemberLostContactV1;
import vn.partyledger.infra.integration.v1.MemberRecognisedV1;
import vn.partyledger.infra.integration.v1.MemberRestoredV1;
import vn.partyledger.infra.integration.v1.MemberStruckOffProbationV1;
import vn.partyledger.infra.integration.v1.MemberStruckOffV1;
import vn.partyledger.infra.integration.v1.MemberSuspendedV1;
import vn.partyledger.infra.integration.v1.MemberSuspensionLiftedV1;
import vn.partyledger.infra.integration.v1.MemberTemporaryAttachmentEndedV1;
import vn.partyledger.infra.integration.v1.MemberTransferCancelledV1;
import vn.partyledger.infra.integration.v1.MemberTransferredInV1;
import vn.partyledger.infra.integration.v1.MemberJoinedFromProvinceV1;
import vn.partyledger.infra.integration.v1.MemberLeftForProvinceV1;
import vn.partyledger.infra.integration.v1.MemberTransferLetterSentV1;
import vn.partyledger.infra.integration.v1.MemberTransferPresentedV1;
import vn.partyledger.infra.integration.v1.MemberTransferRefusedV1;
import vn.partyledger.infra.integration.v1.MemberTransferredOutV1;
import vn.partyledger.infra.integration.v1.OrganisationDissolvedV1;
import vn.partyledger.infra.integration.v1.OrganisationEstablishedV1;
import vn.partyledger.infra.integration.v1.OrganisationRenamedV1;
import vn.partyledger.infra.integration.v1.OrganisationSplitV1;
import vn.partyledger.infra.integration.v1.OrganisationsMergedV1;

import static vn.partyledger.infra.integration.IntegrationEvent.aboutMember;
import static vn.partyledger.infra.integration.IntegrationEvent.aboutOrganisation;
import static vn.partyledger.infra.integration.IntegrationEvent.toProvince;

/**
 * The one place where domain events become integration events (docs/integration/events.v1.md). Each line copies only
 * the fields the contract shares: sealed facts (reasons, violations, an early badge) are never read here, so they can
 * not leak. A domain event not listed has no message.
 */
public final class IntegrationEvents {

    private final Map<Class<?>, BiFunction<Object, MetaData, IntegrationEvent>> mappings = new HashMap<>();

    public IntegrationEvents() {
        organisationEvents();
        admissionAndStanding();
        transfers();
        leavingAndDiscipline();
        recordsAndCorrections();
    }

    /** The message for a domain event, or empty when provincial systems have no use for it. */
    public Optional<IntegrationEvent> of(Object payload, MetaData metaData) {
        BiFunction<Object, MetaData, IntegrationEvent> mapping = mappings.get(payload.getClass());
        return mapping == null ? Optional.empty() : Optional.of(mapping.apply(payload, metaData));
    }

    private <E> void on(Class<E> eventType, BiFunction<E, MetaData, IntegrationEvent> mapping) {
        mappings.put(eventType, (payload, metaData) -> mapping.apply(eventType.cast(payload), metaData));
    }

    private void organisationEvents() {
        on(OrganisationEstablished.class, (e, m) -> aboutOrganisation(e.orgId(), "organisation.established.v1",
                new OrganisationEstablishedV1(e.orgId(), e.name(), e.kind().name(),
                        e.branchType() == null ? null : e.branchType().code(), e.parentOrgId(), e.adminUnitCode(),
                        e.effectiveDate())));
        on(OrganisationRenamed.class, (e, m) -> aboutOrganisation(e.orgId(), "organisation.renamed.v1",
                new OrganisationRenamedV1(e.orgId(), e.newName(), e.effectiveDate())));
        on(OrganisationsMerged.class, (e, m) -> aboutOrganisation(e.targetOrgId(), "organisation.merged.v1",
                new OrganisationsMergedV1(e.targetOrgId(), e.sourceOrgIds(), e.effectiveDate())));
        on(OrganisationSplit.class, (e, m) -> aboutOrganisation(e.sourceOrgId(), "organisation.split.v1",
                new OrganisationSplitV1(e.sourceOrgId(),
                        e.allocation().stream().map(MemberAllocation::targetOrgId).distinct().sorted().toList(),
                        e.effectiveDate())));
        on(OrganisationDissolved.class, (e, m) -> aboutOrganisation(e.orgId(), "organisation.dissolved.v1",
                new OrganisationDissolvedV1(e.orgId(), e.reason().name(), e.successorOrgId(), e.effectiveDate())));
    }

    private void admissionAndStanding() {
        on(MemberAdmitted.class, (e, m) -> aboutMember(e.memberId(), "member.admitted.v1",
                new MemberAdmittedV1(e.memberId(), e.personId(), e.homeOrgId(), e.ceremonyDate(),
                        e.probationEndDate(), e.admissionDecisionDate(), (String) m.get(MetadataKeys.RULE_SET))));
        on(FullMembershipRecognized.class, (e, m) -> aboutMember(e.memberId(), "member.recognised.v1",
                new MemberRecognisedV1(e.memberId(), e.homeOrgId(), e.decisionDate(), e.effectiveDate(),
                        e.decidedByOrgId())));
        on(ProbationaryMemberStruckOff.class, (e, m) -> aboutMember(e.memberId(), "member.struck-off-probation.v1",
                new MemberStruckOffProbationV1(e.memberId(), e.homeOrgId(), e.decisionDate(), e.decidedByOrgId())));
        on(ExemptionGranted.class, (e, m) -> aboutMember(e.memberId(), "member.exempted.v1",
                new MemberExemptedV1(e.memberId(), e.kind().name(), e.from(), e.until(), e.decidedByOrgId())));
        on(ExemptionEnded.class, (e, m) -> aboutMember(e.memberId(), "member.exemption-ended.v1",
                new MemberExemptionEndedV1(e.memberId(), e.kind().name(), e.reason().name(), e.endedOn())));
        on(MemberLostContact.class, (e, m) -> aboutMember(e.memberId(), "member.lost-contact.v1",
                new MemberLostContactV1(e.memberId(), e.homeOrgId(), e.from())));
        on(MemberContactRestored.class, (e, m) -> aboutMember(e.memberId(), "member.contact-restored.v1",
                new MemberContactRestoredV1(e.memberId(), e.homeOrgId(), e.lostFrom(), e.to())));
    }

    private void transfers() {
        on(TransferLetterIssued.class, (e, m) -> aboutMember(e.memberId(), "member.transferred-out.v1",
                new MemberTransferredOutV1(e.memberId(), e.transferId(), e.type().name(), e.fromOrgId(),
                        e.toOrgId(), e.letterDate(), e.presentBy(), e.expectedReturn())));
        on(TransferLetterSentToProvince.class, (e, m) -> toProvince(e.toProvince(), e.memberId(),
                "member.transfer-letter-sent.v1", new MemberTransferLetterSentV1(e.memberId(), e.transferId(),
                        e.fromOrgId(), e.toOrgId(), e.letterNo(), e.letterDate(), e.presentBy(),
                        transferable(e.record()))));
        on(IncomingTransferRefused.class, (e, m) -> toProvince(e.sendingProvince(), e.memberId(),
                "member.transfer-refused.v1", new MemberTransferRefusedV1(e.memberId(), e.transferId(),
                        e.reason().name(), e.refusedOn())));
        on(IncomingTransferPresented.class, (e, m) -> toProvince(e.sendingProvince(), e.memberId(),
                "member.transfer-presented.v1", new MemberTransferPresentedV1(e.memberId(), e.transferId(),
                        e.toOrgId(), e.presentedOn())));
        on(MemberLeftForProvince.class, (e, m) -> aboutMember(e.memberId(), "member.left-for-province.v1",
                new MemberLeftForProvinceV1(e.memberId(), e.transferId(), e.homeOrgId(), e.toProvince(),
                        e.toOrgId(), e.leftOn())));
        on(MemberJoinedFromProvince.class, (e, m) -> aboutMember(e.memberId(), "member.joined-from-province.v1",
                new MemberJoinedFromProvinceV1(e.memberId(), e.transferId(), e.fromProvince(), e.homeOrgId(),
                        e.status().name(), e.joinedOn())));
        on(TransferLetterPresented.class, (e, m) -> aboutMember(e.memberId(), "member.transferred-in.v1",
                new MemberTransferredInV1(e.memberId(), e.transferId(), e.type().name(), e.receivingOrgId(),
                        e.presentedDate())));
        on(TransferCancelled.class, (e, m) -> aboutMember(e.memberId(), "member.transfer-cancelled.v1",
                new MemberTransferCancelledV1(e.memberId(), e.transferId(), e.reason().name(), e.cancelledOn())));
        on(TemporaryAttachmentEnded.class, (e, m) -> aboutMember(e.memberId(),
                "member.temporary-attachment-ended.v1",
                new MemberTemporaryAttachmentEndedV1(e.memberId(), e.transferId(), e.hostOrgId(), e.returnDate())));
        on(MemberCollectivelyTransferred.class, (e, m) -> aboutMember(e.memberId(),
                "member.collectively-transferred.v1",
                new MemberCollectivelyTransferredV1(e.memberId(), e.fromOrgId(), e.toOrgId(), e.effectiveDate())));
    }

    /** The member's file as the letter carries it: codes as their names, nothing the schema does not list. */
    private static MemberTransferLetterSentV1.Record transferable(TransferableRecord record) {
        return new MemberTransferLetterSentV1.Record(record.status().name(), record.admissionDate(),
                record.recognitionDate(), record.probationEndDate(),
                record.partyAgeGaps().stream()
                        .map(gap -> new MemberTransferLetterSentV1.Gap(gap.from(), gap.until())).toList(),
                record.badges().stream().map(badge -> new MemberTransferLetterSentV1.Badge(badge.level(),
                        badge.badgeNumber(), badge.awardedOn())).toList(),
                record.cardNumber(),
                record.disciplineInEffect().stream().map(discipline -> new MemberTransferLetterSentV1.Discipline(
                        discipline.form().name(), discipline.effectiveDate())).toList());
    }

    private void leavingAndDiscipline() {
        on(DisciplineImposed.class, (e, m) -> e.form() == DisciplineForm.EXPULSION
                ? aboutMember(e.memberId(), "member.expelled.v1",
                        new MemberExpelledV1(e.memberId(), e.homeOrgId(), e.decidedByOrgId(), e.effectiveDate()))
                : aboutMember(e.memberId(), "member.disciplined.v1", new MemberDisciplinedV1(e.memberId(),
                        e.form().name(), e.homeOrgId(), e.decidedByOrgId(), e.effectiveDate())));
        on(MemberSuspended.class, (e, m) -> aboutMember(e.memberId(), "member.suspended.v1",
                new MemberSuspendedV1(e.memberId(), e.decidedByOrgId(), e.effectiveDate())));
        on(MemberSuspensionLifted.class, (e, m) -> aboutMember(e.memberId(), "member.suspension-lifted.v1",
                new MemberSuspensionLiftedV1(e.memberId(), e.decidedByOrgId(), e.effectiveDate())));
        on(MemberStruckOff.class, (e, m) -> e.ground() == StrikeOffGround.VOLUNTARY_EXIT
                ? aboutMember(e.memberId(), "member.left-voluntarily.v1", new MemberLeftVoluntarilyV1(
                        e.memberId(), e.homeOrgId(), e.decidedByOrgId(), e.effectiveDate()))
                : aboutMember(e.memberId(), "member.struck-off.v1", new MemberStruckOffV1(e.memberId(),
                        e.homeOrgId(), e.ground().name(), e.decidedByOrgId(), e.effectiveDate())));
        on(MembershipRestored.class, (e, m) -> aboutMember(e.memberId(), "member.restored.v1",
                new MemberRestoredV1(e.memberId(), e.homeOrgId(), e.restoredStatus().name(), e.partyAgeContinuous(),
                        e.decidedByOrgId(), e.effectiveDate())));
        on(MemberDeceased.class, (e, m) -> aboutMember(e.memberId(), "member.deceased.v1",
                new MemberDeceasedV1(e.memberId(), e.homeOrgId(), e.dateOfDeath())));
    }

    private void recordsAndCorrections() {
        on(PartyBadgeAwarded.class, (e, m) -> aboutMember(e.memberId(), "member.badge-awarded.v1",
                new MemberBadgeAwardedV1(e.memberId(), e.level(), e.badgeNumber(), e.occasionDate(), e.posthumous(),
                        e.decidedByOrgId())));
        on(PartyCardIssued.class, (e, m) -> aboutMember(e.memberId(), "member.card-issued.v1",
                new MemberCardIssuedV1(e.memberId(), e.cardNumber(), e.issuedOn(), e.issuedByOrgId())));
        on(EntryDateCorrected.class, (e, m) -> aboutMember(e.memberId(), "member.entry-date-corrected.v1",
                new MemberEntryDateCorrectedV1(e.memberId(), e.correctedEventId(), e.correctedEventType().name(),
                        e.recordedDate(), e.correctedDate(), e.reason().name(), e.decidedByOrgId(), e.decidedOn())));
        on(EntryAnnulled.class, (e, m) -> aboutMember(e.memberId(), "member.entry-annulled.v1",
                new MemberEntryAnnulledV1(e.memberId(), e.annulledEventId(), e.annulledEventType().name(),
                        e.homeOrgId(), e.entryDate(), e.restoredStatus() == null ? null : e.restoredStatus().name(),
                        e.reason().name(), e.decidedByOrgId(), e.decidedOn())));
    }
}

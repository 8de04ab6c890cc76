package vn.partyledger.command.member;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.member.PartyAgeRecord;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the member's party age is counted from (docs/rules.md#s7-1): the member's events folded through
 * {@link PartyAgeRecord}, which the party-age read model folds them through too (ADR 0040).
 */
class MemberPartyAge {

    private PartyAgeRecord record = PartyAgeRecord.NONE;

    /** The party age so far, or empty before any admission decision. */
    Optional<PartyAge> partyAge() {
        return record.partyAge();
    }

    /** The first day without contact while contact is lost; empty while the member is in contact. */
    Optional<LocalDate> lostContactSince() {
        return Optional.ofNullable(record.lostContactSince());
    }

    /** The record's first admission decision (as corrected, I30), or null before any. */
    LocalDate firstAdmissionDecision() {
        return record.firstAdmissionDecision();
    }

    @EventSourcingHandler
    void on(AdmissionApproved event) {
        record = record.admissionApproved(event.decisionDate());
    }

    @EventSourcingHandler
    void on(MemberImported event) {
        record = record.imported(event.firstAdmissionDecisionDate(), event.partyAgeGaps());
    }

    /** The letter's record is the whole count: for a member coming back, it holds the time here before too. */
    @EventSourcingHandler
    void on(MemberJoinedFromProvince event) {
        record = PartyAgeRecord.NONE.imported(event.firstAdmissionDecisionDate(), event.partyAgeGaps());
    }

    @EventSourcingHandler
    void on(ProbationaryMemberStruckOff event) {
        record = record.exitOn(event.decisionDate());
    }

    /** Time struck off does not count (§7.1)… */
    @EventSourcingHandler
    void on(MemberStruckOff event) {
        record = record.exitOn(event.effectiveDate());
    }

    /** …nor time expelled… */
    @EventSourcingHandler
    void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            record = record.exitOn(event.effectiveDate());
        }
    }

    /** …nor time of lost contact with the party organisation… */
    @EventSourcingHandler
    void on(MemberLostContact event) {
        record = record.contactLostFrom(event.from());
    }

    @EventSourcingHandler
    void on(MemberContactRestored event) {
        record = record.contactRestoredOn(event.to());
    }

    /** …nor the days a transfer letter was presented late. */
    @EventSourcingHandler
    void on(TransferPresentedLate event) {
        record = record.presentedLate(event.presentBy(), event.presentedDate());
    }

    @EventSourcingHandler
    void on(MembershipRestored event) {
        if (event.partyAgeContinuous()) {
            record = record.restoredContinuously();
        }
    }

    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.MEMBER_STRUCK_OFF) {
            record = record.strikeOffAnnulled(event.entryDate());
        }
    }

    @EventSourcingHandler
    void on(EntryDateCorrected event) {
        if (event.correctedEventType() == EntryType.ADMISSION_APPROVED) {
            record = record.admissionDateCorrected(event.recordedDate(), event.correctedDate());
        }
    }
}

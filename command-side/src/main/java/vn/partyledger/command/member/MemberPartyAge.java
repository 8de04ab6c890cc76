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
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.member.MemberImported;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the member's party age is counted from (docs/rules.md#s7-1): the first admission decision, and the periods out of
 * party life. An exit (strike-off, expulsion) opens a gap and the next admission decision closes it; lost contact
 * opens a gap that restored contact closes; a letter presented after its present-by date leaves a closed gap of the
 * days it was late (ADR 0017).
 */
class MemberPartyAge {

    private LocalDate firstAdmissionDecision;
    private final List<PartyAge.Gap> gaps = new ArrayList<>();
    /** The gap of the contact lost and not yet restored, or null. */
    private PartyAge.Gap lostContact;

    /** The party age so far, or empty before any admission decision. */
    Optional<PartyAge> partyAge() {
        return Optional.ofNullable(firstAdmissionDecision).map(first -> new PartyAge(first, gaps));
    }

    /** The first day without contact while contact is lost; empty while the member is in contact. */
    Optional<LocalDate> lostContactSince() {
        return Optional.ofNullable(lostContact).map(PartyAge.Gap::from);
    }

    /** The record's first admission decision (as corrected, I30), or null before any. */
    LocalDate firstAdmissionDecision() {
        return firstAdmissionDecision;
    }

    @EventSourcingHandler
    void on(AdmissionApproved event) {
        if (firstAdmissionDecision == null) {
            firstAdmissionDecision = event.decisionDate();
        } else {
            closeOpenGapsOn(event.decisionDate());
        }
    }

    @EventSourcingHandler
    void on(MemberImported event) {
        firstAdmissionDecision = event.firstAdmissionDecisionDate();
        gaps.addAll(event.partyAgeGaps());
    }

    @EventSourcingHandler
    void on(ProbationaryMemberStruckOff event) {
        exitOn(event.decisionDate());
    }

    /** Time struck off does not count (§7.1)… */
    @EventSourcingHandler
    void on(MemberStruckOff event) {
        exitOn(event.effectiveDate());
    }

    /** …nor time expelled… */
    @EventSourcingHandler
    void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            exitOn(event.effectiveDate());
        }
    }

    /** …nor time of lost contact with the party organisation… */
    @EventSourcingHandler
    void on(MemberLostContact event) {
        lostContact = new PartyAge.Gap(event.from(), null);
        gaps.add(lostContact);
    }

    @EventSourcingHandler
    void on(MemberContactRestored event) {
        endLostContactOn(event.to());
    }

    /** …nor the days a transfer letter was presented late. */
    @EventSourcingHandler
    void on(TransferPresentedLate event) {
        gaps.add(new PartyAge.Gap(event.presentBy(), event.presentedDate()));
    }

    /** A wrongful strike-off or expulsion annulled: the party age is continuous, as if the gap never was (QĐ 117). */
    @EventSourcingHandler
    void on(MembershipRestored event) {
        if (event.partyAgeContinuous()) {
            gaps.removeIf(gap -> gap.until() == null);
        }
    }

    /**
     * Leaving the roll ends a lost contact where the exit's own gap begins, so the two run on without overlap, and an
     * annulment of the exit gives back the exit's time only, not the time the member was out of contact before it.
     */
    private void exitOn(LocalDate date) {
        endLostContactOn(date);
        gaps.add(new PartyAge.Gap(date, null));
    }

    private void endLostContactOn(LocalDate date) {
        if (lostContact != null) {
            PartyAge.Gap open = lostContact;
            // by identity: another gap may be equal in value (an exit on the very day contact was lost)
            gaps.replaceAll(gap -> gap == open ? closedOn(gap, date) : gap);
            lostContact = null;
        }
    }

    private void closeOpenGapsOn(LocalDate date) {
        gaps.replaceAll(gap -> gap.until() == null ? closedOn(gap, date) : gap);
    }

    /**
     * Replaying must never fail, so a date recorded before the gap began (a data-entry slip on paper) closes it empty
     * rather than backwards.
     */
    private static PartyAge.Gap closedOn(PartyAge.Gap gap, LocalDate date) {
        return new PartyAge.Gap(gap.from(), date.isBefore(gap.from()) ? gap.from() : date);
    }

    /** A strike-off keyed by mistake never happened (I30): its gap goes, unlike a restoration's, which is recorded. */
    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.MEMBER_STRUCK_OFF) {
            gaps.removeIf(gap -> gap.until() == null && gap.from().equals(event.entryDate()));
        }
    }

    /** A mistyped admission decision date (I30): party age counts from, or the gap closes on, the corrected date. */
    @EventSourcingHandler
    void on(EntryDateCorrected event) {
        if (event.correctedEventType() != EntryType.ADMISSION_APPROVED) {
            return;
        }
        if (event.recordedDate().equals(firstAdmissionDecision)) {
            firstAdmissionDecision = event.correctedDate();
        } else {
            gaps.replaceAll(gap -> event.recordedDate().equals(gap.until())
                    ? new PartyAge.Gap(gap.from(), event.correctedDate())
                    : gap);
        }
    }
}

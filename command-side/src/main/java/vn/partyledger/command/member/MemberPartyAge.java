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
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the member's party age is counted from (domain.md §7.1): the first admission decision, and the periods out of
 * party life. A leaving event opens a gap and the next admission decision closes it; expulsion, strike-off of a full
 * member and lost contact will open gaps here the same way once their events exist.
 */
class MemberPartyAge {

    private LocalDate firstAdmissionDecision;
    private final List<PartyAge.Gap> gaps = new ArrayList<>();

    /** The party age so far, or empty before any admission decision. */
    Optional<PartyAge> partyAge() {
        return Optional.ofNullable(firstAdmissionDecision).map(first -> new PartyAge(first, gaps));
    }

    @EventSourcingHandler
    void on(AdmissionApproved event) {
        if (firstAdmissionDecision == null) {
            firstAdmissionDecision = event.decisionDate();
        } else {
            closeOpenGapOn(event.decisionDate());
        }
    }

    @EventSourcingHandler
    void on(ProbationaryMemberStruckOff event) {
        gaps.add(new PartyAge.Gap(event.decisionDate(), null));
    }

    /** Time struck off does not count (§7.1)… */
    @EventSourcingHandler
    void on(MemberStruckOff event) {
        gaps.add(new PartyAge.Gap(event.effectiveDate(), null));
    }

    /** …nor time expelled. */
    @EventSourcingHandler
    void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            gaps.add(new PartyAge.Gap(event.effectiveDate(), null));
        }
    }

    /** A wrongful strike-off or expulsion annulled: the party age is continuous, as if the gap never was (QĐ 117). */
    @EventSourcingHandler
    void on(MembershipRestored event) {
        if (event.partyAgeContinuous()) {
            gaps.removeIf(gap -> gap.until() == null);
        }
    }

    /**
     * Closes the open gap on the new admission decision. Replaying must never fail, so a decision recorded with a
     * date before the leaving (a data-entry slip on paper) closes the gap empty rather than backwards.
     */
    private void closeOpenGapOn(LocalDate date) {
        gaps.replaceAll(gap -> gap.until() == null
                ? new PartyAge.Gap(gap.from(), date.isBefore(gap.from()) ? gap.from() : date)
                : gap);
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

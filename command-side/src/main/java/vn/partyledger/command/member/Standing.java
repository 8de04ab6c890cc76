package vn.partyledger.command.member;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.member.MemberImported;

import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A member's standing: who the record is, where its home is and what status it has — the one owner of both, and the
 * list below is every event that changes them (ADR 0013). The other parts of the record read it and never change it:
 * its handlers are private, so only applying an event moves it.
 */
final class Standing {

    private String memberId;
    private String personId;
    private MemberStatus status;
    private String homeOrgId;
    private LocalDate fullSince;
    /** The day the current home and status on the roll began: admission, recognition, a move, a restoration. */
    private LocalDate standingSince;
    private LocalDate homeSince;
    private MemberStatus statusAtDeath;
    private LocalDate dateOfDeath;
    /** The province the member left for with a letter presented there, or null while the member is here. */
    private String leftForProvince;

    String memberId() {
        return memberId;
    }

    /** The person whose membership this record is (their personal data is kept outside the log). */
    String personId() {
        return personId;
    }

    /** The status now, or null before the record is opened. */
    MemberStatus status() {
        return status;
    }

    /** A probationary or full member: on a branch's roll here. */
    boolean onRoll() {
        return status != null && status.isOnRoll() && leftForProvince == null;
    }

    /** The province whose roll the member is on since a letter was presented there, while they are there. */
    Optional<String> leftForProvince() {
        return Optional.ofNullable(leftForProvince);
    }

    /** The branch whose roll the member is on (or whose candidate they are). */
    String homeOrgId() {
        return homeOrgId;
    }

    /** The day the member's current home and status on the roll began; a death is not dated before it (I29, I30). */
    LocalDate standingSince() {
        return standingSince;
    }

    /** The status the member died in (FULL or PROBATIONARY), or null while alive. */
    MemberStatus statusAtDeath() {
        return statusAtDeath;
    }

    /** The date of death as recorded (or corrected, I30), or null while alive. */
    LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    /** What other members' rules may know of this one (e.g. whether it may introduce a candidate). */
    MemberStanding snapshot() {
        if (leftForProvince != null) {
            // on another province's roll: neither a full member nor on any roll here for another record's rules
            return new MemberStanding(memberId, null, fullSince, null, null);
        }
        return new MemberStanding(memberId, status, fullSince, homeOrgId, homeSince);
    }

    @EventSourcingHandler
    private void on(OutstandingCandidateRegistered event) {
        memberId = event.memberId();
        personId = event.personId();
        status = MemberStatus.CANDIDATE;
        homeOrgId = event.branchId();
        fullSince = null;
    }

    @EventSourcingHandler
    private void on(MemberImported event) {
        memberId = event.memberId();
        personId = event.personId();
        status = event.status();
        homeOrgId = event.homeOrgId();
        homeSince = event.onRollSince();
        fullSince = event.fullMembershipDate();
        standingSince = event.fullMembershipDate() != null && event.fullMembershipDate().isAfter(event.onRollSince())
                ? event.fullMembershipDate() : event.onRollSince();
    }

    /** A letter from another province was presented here: a new record, or the one the member left here before. */
    @EventSourcingHandler
    private void on(MemberJoinedFromProvince event) {
        memberId = event.memberId();
        personId = event.personId();
        status = event.status();
        homeOrgId = event.homeOrgId();
        homeSince = event.joinedOn();
        fullSince = event.fullMembershipDate();
        standingSince = event.joinedOn();
        leftForProvince = null;
    }

    /** The status and the last home here stay as they were: the record shows where the member left from. */
    @EventSourcingHandler
    private void on(MemberLeftForProvince event) {
        leftForProvince = event.toProvince();
    }

    @EventSourcingHandler
    private void on(MemberAdmitted event) {
        status = MemberStatus.PROBATIONARY;
        standingSince = event.ceremonyDate();
        homeSince = event.ceremonyDate();
    }

    @EventSourcingHandler
    private void on(FullMembershipRecognized event) {
        status = MemberStatus.FULL;
        fullSince = event.effectiveDate();
        standingSince = event.effectiveDate();
    }

    @EventSourcingHandler
    private void on(ProbationaryMemberStruckOff event) {
        status = MemberStatus.STRUCK_OFF;
    }

    @EventSourcingHandler
    private void on(MemberStruckOff event) {
        status = event.ground() == StrikeOffGround.VOLUNTARY_EXIT ? MemberStatus.LEFT_VOLUNTARILY
                : MemberStatus.STRUCK_OFF;
    }

    @EventSourcingHandler
    private void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            status = MemberStatus.EXPELLED;
        }
    }

    @EventSourcingHandler
    private void on(MembershipRestored event) {
        status = event.restoredStatus();
        standingSince = event.effectiveDate();
    }

    @EventSourcingHandler
    private void on(MemberDeceased event) {
        statusAtDeath = status;
        dateOfDeath = event.dateOfDeath();
        status = MemberStatus.DECEASED;
    }

    /** An annulled death or strike-off never happened: the status is what it was before, and there is no death. */
    @EventSourcingHandler
    private void on(EntryAnnulled event) {
        if (event.restoredStatus() != null) {
            status = event.restoredStatus();
        }
        if (event.annulledEventType() == EntryType.MEMBER_DECEASED) {
            statusAtDeath = null;
            dateOfDeath = null;
        }
    }

    /** A posthumous badge counts to the corrected date of death. */
    @EventSourcingHandler
    private void on(EntryDateCorrected event) {
        if (event.correctedEventType() == EntryType.MEMBER_DECEASED) {
            dateOfDeath = event.correctedDate();
        }
    }

    @EventSourcingHandler
    private void on(MemberHomeChanged event) {
        homeOrgId = event.toOrgId();
        homeSince = event.effectiveDate();
        standingSince = event.effectiveDate();
    }

    @EventSourcingHandler
    private void on(MemberCollectivelyTransferred event) {
        homeOrgId = event.toOrgId();
        standingSince = event.effectiveDate();
    }
}

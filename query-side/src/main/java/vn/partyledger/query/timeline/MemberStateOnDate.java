package vn.partyledger.query.timeline;

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
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.timeline.MemberState;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The member's state at the end of a business date, folded from the member's entries that took effect on or before
 * it, in stream order. Every event's effect on the state is listed in {@link #apply}, apart from any behaviour: it
 * mirrors the command side's standing without loading the aggregate, so an auditor can check one against the other.
 * Corrections are applied through the entries they correct ({@link MemberHistory}).
 */
final class MemberStateOnDate {

    private final LocalDate asOf;
    private final TreeSet<RecordedEntry> restsOn =
            new TreeSet<>(Comparator.comparingLong(RecordedEntry::sequenceNumber));
    private MemberStatus status;
    private String homeOrgId;
    private LocalDate admissionDecisionDate;
    private LocalDate fullMembershipDate;
    private MemberState.Exemption exemption;
    private LocalDate suspendedSince;
    private LocalDate lostContactSince;
    private String onRollOfProvince;

    private MemberStateOnDate(LocalDate asOf) {
        this.asOf = asOf;
    }

    static MemberState of(MemberHistory history, LocalDate asOf) {
        MemberStateOnDate state = new MemberStateOnDate(asOf);
        history.entries().stream()
                .filter(entry -> MemberHistory.correctedEventId(entry).isEmpty())
                .filter(entry -> !history.effectiveDate(entry).isAfter(asOf))
                .forEach(entry -> state.fold(history, entry));
        return state.state(history.memberId());
    }

    private void fold(MemberHistory history, RecordedEntry entry) {
        List<RecordedEntry> corrections = history.correctionsOf(entry);
        restsOn.addAll(corrections);
        if (history.annulled(entry)) {
            return;
        }
        if (apply(entry.payload(), history.correctedDate(entry).orElse(null))) {
            restsOn.add(entry);
        } else {
            restsOn.removeAll(corrections);
        }
    }

    /**
     * One entry's effect; {@code correctedDate} is its corrected date, null when it was not re-dated. Returns whether
     * the entry bears on the state.
     */
    private boolean apply(Object event, LocalDate correctedDate) {
        if (event instanceof OutstandingCandidateRegistered registered) {
            status = MemberStatus.CANDIDATE;
            homeOrgId = registered.branchId();
        } else if (event instanceof AdmissionApproved approved) {
            admissionDecisionDate = correctedDate != null ? correctedDate : approved.decisionDate();
        } else if (event instanceof MemberAdmitted admitted) {
            status = MemberStatus.PROBATIONARY;
            homeOrgId = admitted.homeOrgId();
            fullMembershipDate = null;
            // the approval this admission follows gave the decision date, corrected if it was mistyped
            if (admissionDecisionDate == null) {
                admissionDecisionDate = admitted.admissionDecisionDate();
            }
        } else if (event instanceof MemberJoinedFromProvince joined) {
            status = joined.status();
            homeOrgId = joined.homeOrgId();
            admissionDecisionDate = joined.firstAdmissionDecisionDate();
            fullMembershipDate = joined.fullMembershipDate();
            onRollOfProvince = null;
        } else if (event instanceof MemberLeftForProvince left) {
            onRollOfProvince = left.toProvince();
        } else if (event instanceof MemberImported imported) {
            status = imported.status();
            homeOrgId = imported.homeOrgId();
            admissionDecisionDate = imported.admissionDecisionDate();
            fullMembershipDate = imported.fullMembershipDate();
        } else if (event instanceof FullMembershipRecognized recognized) {
            status = MemberStatus.FULL;
            fullMembershipDate = recognized.effectiveDate();
        } else if (event instanceof ProbationaryMemberStruckOff) {
            status = MemberStatus.STRUCK_OFF;
        } else if (event instanceof MemberStruckOff struckOff) {
            status = struckOff.ground() == StrikeOffGround.VOLUNTARY_EXIT
                    ? MemberStatus.LEFT_VOLUNTARILY : MemberStatus.STRUCK_OFF;
        } else if (event instanceof DisciplineImposed discipline) {
            if (discipline.form() != DisciplineForm.EXPULSION) {
                return false;
            }
            status = MemberStatus.EXPELLED;
        } else if (event instanceof MembershipRestored restored) {
            status = restored.restoredStatus();
        } else if (event instanceof MemberDeceased) {
            status = MemberStatus.DECEASED;
        } else if (event instanceof MemberHomeChanged moved) {
            homeOrgId = moved.toOrgId();
        } else if (event instanceof MemberCollectivelyTransferred moved) {
            homeOrgId = moved.toOrgId();
        } else if (event instanceof ExemptionGranted granted) {
            exemption = new MemberState.Exemption(granted.kind(), granted.from(), granted.until());
        } else if (event instanceof ExemptionImported imported) {
            exemption = new MemberState.Exemption(imported.kind(), imported.from(), imported.until());
        } else if (event instanceof ExemptionEnded) {
            exemption = null;
        } else if (event instanceof MemberSuspended suspended) {
            suspendedSince = suspended.effectiveDate();
        } else if (event instanceof MemberSuspensionLifted) {
            suspendedSince = null;
        } else if (event instanceof MemberLostContact lost) {
            lostContactSince = lost.from();
        } else if (event instanceof MemberContactRestored) {
            lostContactSince = null;
        } else {
            return false;
        }
        return true;
    }

    private MemberState state(String memberId) {
        return new MemberState(memberId, asOf, status, homeOrgId, admissionDecisionDate, fullMembershipDate,
                exemption, suspendedSince, lostContactSince, onRollOfProvince, restsOn.stream().map(RecordedEntry::eventId).toList());
    }
}

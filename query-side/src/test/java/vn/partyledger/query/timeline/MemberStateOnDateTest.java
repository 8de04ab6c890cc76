package vn.partyledger.query.timeline;

import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.timeline.MemberChanges;
import vn.partyledger.domain.timeline.MemberState;
import vn.partyledger.domain.timeline.TimelineEntry;
import vn.partyledger.domain.transfer.MemberHomeChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The member's state as of a date, folded from the member's entries with their corrections (ADR 0030). */
class MemberStateOnDateTest {

    private static final String MEMBER = "m-1";
    private static final String BRANCH = "kp1";
    private static final String WARD = "ward";
    private static final LocalDate DECIDED = LocalDate.of(2025, 8, 4);
    private static final LocalDate CEREMONY = LocalDate.of(2025, 8, 19);
    private static final LocalDate PROBATION_END = LocalDate.of(2026, 8, 19);

    private final List<RecordedEntry> entries = new ArrayList<>();

    /** Records {@code event} with {@code businessDate} in its metadata: its event id is "e" and its sequence. */
    private String recorded(Object event, LocalDate businessDate) {
        long sequence = entries.size();
        String eventId = "e" + sequence;
        entries.add(new RecordedEntry(sequence, eventId, event, "1", businessDate,
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(sequence),
                Map.of(MetadataKeys.BUSINESS_DATE, businessDate.toString())));
        return eventId;
    }

    /** A fact as the log gives it back, sealed: opening it fails the test, as a timeline must never open one. */
    private static <T> Sensitive<T> neverOpened() {
        return Sensitive.sealed("p-1", () -> {
            throw new AssertionError("a sealed fact was opened");
        });
    }

    private MemberState stateOn(LocalDate date) {
        return MemberStateOnDate.of(new MemberHistory(MEMBER, entries), date);
    }

    private String admitted() {
        recorded(new OutstandingCandidateRegistered(MEMBER, "p-1", BRANCH, neverOpened(), null,
                LocalDate.of(2025, 3, 3)), LocalDate.of(2025, 3, 3));
        String approval = recorded(new AdmissionApproved(MEMBER, DECIDED, WARD, DECIDED.plusDays(2)), DECIDED);
        recorded(new MemberAdmitted(MEMBER, "p-1", BRANCH, CEREMONY, PROBATION_END, DECIDED, false), CEREMONY);
        return approval;
    }

    private void recognised() {
        recorded(new FullMembershipRecognized(MEMBER, BRANCH, PROBATION_END.plusDays(11), PROBATION_END, WARD,
                false), PROBATION_END.plusDays(11));
    }

    private void fullMemberStruckOff(StrikeOffGround ground, LocalDate on) {
        admitted();
        recognised();
        recorded(new MemberStruckOff(MEMBER, BRANCH, ground, WARD, on), on);
    }

    private String exempted(LocalDate from) {
        return recorded(new ExemptionGranted(MEMBER, ExemptionKind.FULL,
                neverOpened(), from, null, BRANCH, "app-1"), from);
    }

    @Test
    void aStateAskedBeforeTheFirstEntryHasNoStatusAndRestsOnNothing() {
        admitted();

        MemberState state = stateOn(LocalDate.of(2025, 1, 1));

        assertThat(state.status()).isNull();
        assertThat(state.homeOrgId()).isNull();
        assertThat(state.restsOn()).isEmpty();
    }

    @Test
    void aCandidateIsACandidateOfTheBranchUntilTheCeremony() {
        admitted();

        MemberState beforeDecision = stateOn(DECIDED.minusDays(1));
        MemberState beforeCeremony = stateOn(CEREMONY.minusDays(1));

        assertThat(beforeDecision.status()).isEqualTo(MemberStatus.CANDIDATE);
        assertThat(beforeDecision.homeOrgId()).isEqualTo(BRANCH);
        assertThat(beforeDecision.admissionDecisionDate()).isNull();
        assertThat(beforeCeremony.status()).isEqualTo(MemberStatus.CANDIDATE);
        assertThat(beforeCeremony.admissionDecisionDate()).isEqualTo(DECIDED);
        assertThat(beforeCeremony.restsOn()).containsExactly("e0", "e1");
    }

    @Test
    void anAdmittedMemberIsProbationaryInTheBranchFromTheCeremony() {
        admitted();

        MemberState state = stateOn(CEREMONY);

        assertThat(state.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(state.homeOrgId()).isEqualTo(BRANCH);
        assertThat(state.admissionDecisionDate()).isEqualTo(DECIDED);
        assertThat(state.fullMembershipDate()).isNull();
        assertThat(state.restsOn()).containsExactly("e0", "e1", "e2");
    }

    @Test
    void aRecognisedMemberIsFullFromTheEndOfProbationOnceTheDecisionIsSigned() {
        admitted();
        recognised();

        assertThat(stateOn(PROBATION_END.plusDays(10)).status()).isEqualTo(MemberStatus.PROBATIONARY);
        MemberState state = stateOn(PROBATION_END.plusDays(11));
        assertThat(state.status()).isEqualTo(MemberStatus.FULL);
        assertThat(state.fullMembershipDate()).isEqualTo(PROBATION_END);
    }

    @Test
    void anExemptionShowsFromItsDateUntilItIsEnded() {
        admitted();
        recognised();
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate ended = LocalDate.of(2026, 10, 1);
        exempted(from);
        recorded(new ExemptionEnded(MEMBER, ExemptionKind.FULL, ExemptionEndReason.MEMBER_RESUMED, ended, null),
                ended);

        assertThat(stateOn(from.minusDays(1)).exemption()).isNull();
        assertThat(stateOn(from).exemption()).isEqualTo(new MemberState.Exemption(ExemptionKind.FULL, from, null));
        assertThat(stateOn(ended).exemption()).isNull();
        assertThat(stateOn(ended).status()).isEqualTo(MemberStatus.FULL);
    }

    @Test
    void aStruckOffMemberIsOffTheRollFromTheStrikeOffAndBackOnFromTheRestoration() {
        LocalDate struckOff = LocalDate.of(2026, 9, 10);
        LocalDate restored = LocalDate.of(2026, 10, 20);
        fullMemberStruckOff(StrikeOffGround.ABSENCE_OR_DUES_3M, struckOff);
        recorded(new MembershipRestored(MEMBER, BRANCH, MemberStatus.FULL, false, WARD, restored), restored);

        assertThat(stateOn(struckOff.minusDays(1)).status()).isEqualTo(MemberStatus.FULL);
        assertThat(stateOn(struckOff).status()).isEqualTo(MemberStatus.STRUCK_OFF);
        assertThat(stateOn(restored.minusDays(1)).status()).isEqualTo(MemberStatus.STRUCK_OFF);
        assertThat(stateOn(restored).status()).isEqualTo(MemberStatus.FULL);
    }

    @Test
    void aVoluntaryExitLeavesTheMemberLeftVoluntarily() {
        LocalDate left = LocalDate.of(2026, 9, 10);
        fullMemberStruckOff(StrikeOffGround.VOLUNTARY_EXIT, left);

        assertThat(stateOn(left).status()).isEqualTo(MemberStatus.LEFT_VOLUNTARILY);
    }

    @Test
    void aTransferMovesTheHomeBranchOnThePresentationDate() {
        admitted();
        LocalDate presented = LocalDate.of(2026, 3, 10);
        recorded(new MemberHomeChanged(MEMBER, "t-1", BRANCH, "kp2", presented), presented);

        assertThat(stateOn(presented.minusDays(1)).homeOrgId()).isEqualTo(BRANCH);
        assertThat(stateOn(presented).homeOrgId()).isEqualTo("kp2");
    }

    @Test
    void aDeathWhoseDateWasCorrectedCountsFromTheCorrectedDateAndRestsOnTheCorrection() {
        admitted();
        LocalDate keyed = LocalDate.of(2026, 11, 20);
        LocalDate corrected = LocalDate.of(2026, 11, 10);
        String death = recorded(new MemberDeceased(MEMBER, BRANCH, keyed), keyed);
        String correction = recorded(new EntryDateCorrected(MEMBER, death, EntryType.MEMBER_DECEASED, BRANCH, keyed,
                corrected, CorrectionReason.WRONG_DATE, WARD, LocalDate.of(2026, 11, 21)), LocalDate.of(2026, 11, 21));

        MemberState onCorrectedDate = stateOn(corrected);

        assertThat(stateOn(corrected.minusDays(1)).status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(onCorrectedDate.status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(onCorrectedDate.restsOn()).endsWith(death, correction);
    }

    @Test
    void aCorrectedAdmissionDecisionDateIsTheMembersAdmissionDecisionDate() {
        String approval = admitted();
        LocalDate corrected = DECIDED.minusDays(3);
        recorded(new EntryDateCorrected(MEMBER, approval, EntryType.ADMISSION_APPROVED, BRANCH, DECIDED, corrected,
                CorrectionReason.WRONG_DATE, WARD, LocalDate.of(2026, 1, 5)), LocalDate.of(2026, 1, 5));

        assertThat(stateOn(corrected).admissionDecisionDate()).isEqualTo(corrected);
        assertThat(stateOn(CEREMONY).admissionDecisionDate()).isEqualTo(corrected);
    }

    @Test
    void anAnnulledExemptionNeverWasButTheStateRestsOnItsAnnulment() {
        admitted();
        LocalDate from = LocalDate.of(2026, 2, 1);
        String exemption = exempted(from);
        String annulment = recorded(new EntryAnnulled(MEMBER, exemption, EntryType.EXEMPTION_GRANTED, BRANCH, from,
                null, CorrectionReason.WRONG_MEMBER, WARD, LocalDate.of(2026, 3, 1)), LocalDate.of(2026, 3, 1));

        MemberState state = stateOn(from);

        assertThat(state.exemption()).isNull();
        assertThat(state.restsOn()).contains(annulment).doesNotContain(exemption);
    }

    @Test
    void anAnnulledDeathLeavesTheMemberOnTheRollWithoutABreak() {
        admitted();
        LocalDate keyed = LocalDate.of(2026, 11, 20);
        String death = recorded(new MemberDeceased(MEMBER, BRANCH, keyed), keyed);
        recorded(new EntryAnnulled(MEMBER, death, EntryType.MEMBER_DECEASED, BRANCH, keyed, MemberStatus.PROBATIONARY,
                CorrectionReason.WRONG_MEMBER, WARD, LocalDate.of(2026, 11, 21)), LocalDate.of(2026, 11, 21));

        assertThat(stateOn(keyed).status()).isEqualTo(MemberStatus.PROBATIONARY);
    }

    @Test
    void theChangesBetweenTwoDatesNameTheFieldsThatDifferAndTheEntriesInBetween() {
        admitted();
        recognised();

        MemberChanges changes = ChangesBetweenDates.of(new MemberHistory(MEMBER, entries), CEREMONY.minusDays(1),
                PROBATION_END.plusDays(11));

        assertThat(changes.changes()).containsExactly(
                new MemberChanges.Change("status", "CANDIDATE", "FULL"),
                new MemberChanges.Change("fullMembershipDate", null, PROBATION_END.toString()));
        assertThat(changes.entries()).extracting(TimelineEntry::eventType)
                .containsExactly("MemberAdmitted", "FullMembershipRecognized");
    }

    @Test
    void aTimelineLinksACorrectionAndWithholdsSealedFacts() {
        admitted();
        String exemption = exempted(LocalDate.of(2026, 2, 1));
        String annulment = recorded(new EntryAnnulled(MEMBER, exemption, EntryType.EXEMPTION_GRANTED, BRANCH,
                LocalDate.of(2026, 2, 1), null, CorrectionReason.WRONG_MEMBER, WARD, LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 1));

        List<TimelineEntry> timeline = new MemberHistory(MEMBER, entries).shown(date -> true);

        TimelineEntry exempted = timeline.get(3);
        assertThat(exempted.correctedBy()).containsExactly(annulment);
        assertThat(exempted.payload()).containsEntry("reason", TimelineEntry.WITHHELD).containsEntry("kind", "FULL");
        assertThat(timeline.get(4).corrects()).isEqualTo(exemption);
        assertThat(timeline.get(0).payload()).containsEntry("source", TimelineEntry.WITHHELD);
    }
}

package vn.partyledger.command.member;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.badge.ReissueBadge;
import vn.partyledger.domain.correction.AnnulEntry;
import vn.partyledger.domain.correction.CorrectEntryDate;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.exemption.EndExemption;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.LeavingHistory.BY_AUTHORITY;
import static vn.partyledger.command.member.LeavingHistory.BY_BRANCH;
import static vn.partyledger.command.member.LeavingHistory.DECIDED;
import static vn.partyledger.command.member.LeavingHistory.fullMember;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.PROBATION_END;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/** Annulments and date corrections that name the original entry by its event id (I30), and what they undo. */
class CorrectionsTest {

    private static final LocalDate DIED = LocalDate.of(2024, 3, 14);
    private static final MemberDeceased DECEASED = new MemberDeceased("m1", BRANCH, DIED);
    private static final MemberStruckOff STRUCK_OFF = new MemberStruckOff("m1", BRANCH,
            StrikeOffGround.ABSENCE_OR_DUES_3M, AUTHORITY, DECIDED);
    private static final PartyBadgeAwarded BADGE = new PartyBadgeAwarded("m1", 30, "HH-30-0417",
            LocalDate.of(2024, 2, 3), Sensitive.of("p1", false), false, "province");
    private static final ExemptionGranted EXEMPT = new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
            Sensitive.of("p1", ExemptionReason.WORKING_AWAY), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 6, 2),
                    "ward", null);
    private static final DecisionRef BY_PROVINCE = new DecisionRef("31-QĐ/TU", DECIDED, "province");

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new RecordingMembershipLedger();
        fixture = LeavingHistory.fixture(ledger);
    }

    /** The id the store gave the latest given event of this type: what a clerk reads off the member's log. */
    private String idOf(Class<?> type) {
        return fixture.getEventStore().readEvents("m1").asStream()
                .filter(event -> type.isInstance(event.getPayload()))
                .map(DomainEventMessage::getIdentifier)
                .reduce((earlier, later) -> later)
                .orElseThrow();
    }

    private static AnnulEntry annul(String eventId, DecisionRef decision) {
        return new AnnulEntry("m1", eventId, CorrectionReason.WRONG_MEMBER, decision);
    }

    private static CorrectEntryDate correct(String eventId, LocalDate date) {
        return new CorrectEntryDate("m1", eventId, date, CorrectionReason.WRONG_DATE, BY_AUTHORITY);
    }

    private static EntryAnnulled annulled(String eventId, EntryType type, LocalDate entryDate,
                                          MemberStatus restored) {
        return new EntryAnnulled("m1", eventId, type, BRANCH, entryDate, restored, CorrectionReason.WRONG_MEMBER,
                AUTHORITY, DECIDED);
    }

    @Test
    @DisplayName("I30: a death keyed against the wrong person is annulled and the member is back on the roll")
    void aDeathKeyedAgainstTheWrongPersonIsAnnulledAndTheMemberIsBackOnTheRoll() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), DECEASED));
        String death = idOf(MemberDeceased.class);

        given.when(annul(death, BY_AUTHORITY))
                .expectEvents(annulled(death, EntryType.MEMBER_DECEASED, DIED, MemberStatus.FULL))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.FULL));
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment(BRANCH, "m1", MemberStatus.FULL, DIED));
    }

    @Test
    @DisplayName("I30: an annulled death gives a probationary member back their probation, not full membership")
    void anAnnulledDeathGivesAProbationaryMemberBackTheirProbation() {
        TestExecutor<Member> given = fixture.given(plus(probationary(), DECEASED));

        given.when(annul(idOf(MemberDeceased.class), BY_AUTHORITY))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.PROBATIONARY));
    }

    @Test
    @DisplayName("I29: a deceased member's record still refuses commands that are not corrections")
    void aDeceasedMembersRecordStillRefusesCommandsThatAreNotCorrections() {
        fixture.given(plus(fullMember(), DECEASED))
                .when(new RecordDeath("m1", DIED))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I30: a correction names an entry of this member's own record")
    void aCorrectionNamesAnEntryOfThisMembersOwnRecord() {
        fixture.given(plus(fullMember(), DECEASED))
                .when(annul("an-event-of-someone-else", BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I30", "theEntryIsOnThisRecord"));
    }

    @Test
    @DisplayName("I30: an annulled entry is not annulled again")
    void anAnnulledEntryIsNotAnnulledAgain() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), DECEASED));
        String death = idOf(MemberDeceased.class);

        given.andGiven(annulled(death, EntryType.MEMBER_DECEASED, DIED, MemberStatus.FULL))
                .when(annul(death, BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I30", "anAnnulledEntryStaysAnnulled"));
    }

    @Test
    @DisplayName("I30: an admission decision is not annulled, it is a decision with its own procedure")
    void anAdmissionDecisionIsNotAnnulled() {
        TestExecutor<Member> given = fixture.given(fullMember());

        given.when(annul(idOf(AdmissionApproved.class), BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I30", "onlyAMistakenDeathStrikeOffBadgeOrExemptionIsAnnulled"));
    }

    @Test
    @DisplayName("I30: a strike-off keyed against the wrong member is annulled and leaves no gap in party age")
    void aStrikeOffKeyedAgainstTheWrongMemberIsAnnulledAndLeavesNoGapInPartyAge() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), STRUCK_OFF));
        String strikeOff = idOf(MemberStruckOff.class);

        given.when(annul(strikeOff, BY_AUTHORITY))
                .expectEvents(annulled(strikeOff, EntryType.MEMBER_STRUCK_OFF, DECIDED, MemberStatus.FULL))
                .expectState(member -> {
                    assertThat(member.status()).isEqualTo(MemberStatus.FULL);
                    assertThat(member.partyAge.partyAge()).map(PartyAge::gaps).contains(List.of());
                });
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment(BRANCH, "m1", MemberStatus.FULL, DECIDED));
    }

    @Test
    @DisplayName("I30: a strike-off undone by a restoration is no longer corrected, the restoration stands")
    void aStrikeOffUndoneByARestorationIsNoLongerCorrected() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), STRUCK_OFF,
                new MembershipRestored("m1", BRANCH, MemberStatus.FULL, true, "province", DECIDED.plusMonths(3))));

        given.when(annul(idOf(MemberStruckOff.class), BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I30", "onlyAnEntryWhoseEffectIsStillInForceIsCorrected"));
    }

    @Test
    @DisplayName("I30: the member's own branch cannot annul an entry it did not decide")
    void theMembersOwnBranchCannotAnnulAnEntryItDidNotDecide() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), STRUCK_OFF));

        given.when(annul(idOf(MemberStruckOff.class), BY_BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("I30", "aCorrectionIsSignedByTheCommitteeThatAdmitsOrTheEntrysDecider"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I30: the body that awarded a badge annuls it by mistake, and the level is free again")
    void theBodyThatAwardedABadgeAnnulsItAndTheLevelIsFreeAgain() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), BADGE));
        String award = idOf(PartyBadgeAwarded.class);

        given.andGiven(annulled(award, EntryType.PARTY_BADGE_AWARDED, BADGE.occasionDate(), null))
                .when(new ReissueBadge("m1", 30, "HH-30-0999", "lost in a flood", BY_PROVINCE))
                .expectNoEvents()
                .expectException(Violation.of("BADGE_NOT_AWARDED", "onlyAnAwardedBadgeIsReissued"));
    }

    @Test
    @DisplayName("I30: a badge award is annulled by the body that awarded it")
    void aBadgeAwardIsAnnulledByTheBodyThatAwardedIt() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), BADGE));
        String award = idOf(PartyBadgeAwarded.class);

        given.when(annul(award, BY_PROVINCE))
                .expectEvents(new EntryAnnulled("m1", award, EntryType.PARTY_BADGE_AWARDED, BRANCH,
                        BADGE.occasionDate(), null, CorrectionReason.WRONG_MEMBER, "province", DECIDED));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I30: an exemption in force is annulled and none is in force afterwards")
    void anExemptionInForceIsAnnulledAndNoneIsInForceAfterwards() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), EXEMPT));
        String exemption = idOf(ExemptionGranted.class);

        given.andGiven(annulled(exemption, EntryType.EXEMPTION_GRANTED, EXEMPT.from(), null))
                .when(new EndExemption("m1", ExemptionEndReason.MEMBER_RESUMED, LocalDate.of(2024, 3, 1), null))
                .expectNoEvents()
                .expectException(Violation.of("EXEMPTION_NOT_IN_FORCE", "onlyAnExemptionInForceEnds"));
    }

    @Test
    @DisplayName("I30: an exemption that has ended is no longer annulled")
    void anExemptionThatHasEndedIsNoLongerAnnulled() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), EXEMPT, new ExemptionEnded("m1",
                ExemptionKind.TEMPORARY, ExemptionEndReason.EXPIRED, EXEMPT.until(), null)));

        given.when(annul(idOf(ExemptionGranted.class), BY_AUTHORITY))
                .expectNoEvents()
                .expectException(Violation.of("I30", "onlyAnEntryWhoseEffectIsStillInForceIsCorrected"));
    }

    @Test
    @DisplayName("I30: a mistyped date of death is corrected on a deceased member's record")
    void aMistypedDateOfDeathIsCorrectedOnADeceasedMembersRecord() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), DECEASED));
        String death = idOf(MemberDeceased.class);
        LocalDate actual = LocalDate.of(2024, 3, 4);

        given.when(correct(death, actual))
                .expectEvents(new EntryDateCorrected("m1", death, EntryType.MEMBER_DECEASED, BRANCH, DIED, actual,
                        CorrectionReason.WRONG_DATE, AUTHORITY, DECIDED))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.DECEASED));
    }

    @Test
    @DisplayName("I30: a date of death is not moved before the member's current standing on the roster began")
    void aDateOfDeathIsNotMovedBeforeTheMembersCurrentStandingBegan() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), DECEASED));

        given.when(correct(idOf(MemberDeceased.class), PROBATION_END.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I30", "aCorrectedDateOfDeathFallsWithinTheRosterLineItEnds"));
    }

    @Test
    @DisplayName("I30: a correction to the date already recorded changes nothing and is refused")
    void aCorrectionToTheDateAlreadyRecordedIsRefused() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), DECEASED));

        given.when(correct(idOf(MemberDeceased.class), DIED))
                .expectNoEvents()
                .expectException(Violation.of("I30", "aCorrectedDateDiffersFromTheRecordedOne"));
    }

    @Test
    @DisplayName("I30: the date of a strike-off is not corrected; a wrong one is annulled and keyed again")
    void theDateOfAStrikeOffIsNotCorrected() {
        TestExecutor<Member> given = fixture.given(plus(fullMember(), STRUCK_OFF));

        given.when(correct(idOf(MemberStruckOff.class), DECIDED.minusDays(3)))
                .expectNoEvents()
                .expectException(Violation.of("I30", "onlyTheDateOfDeathOrOfTheAdmissionDecisionIsCorrected"));
    }

    @Test
    @DisplayName("I30: a mistyped admission decision date is corrected and party age counts from the corrected date")
    void aMistypedAdmissionDecisionDateIsCorrectedAndPartyAgeCountsFromIt() {
        TestExecutor<Member> given = fixture.given(fullMember());
        String admission = idOf(AdmissionApproved.class);
        LocalDate actual = LocalDate.of(2020, 5, 29);

        given.when(correct(admission, actual))
                .expectEvents(new EntryDateCorrected("m1", admission, EntryType.ADMISSION_APPROVED, BRANCH,
                        RecruitmentHistory.DECIDED, actual, CorrectionReason.WRONG_DATE, AUTHORITY, DECIDED))
                .expectState(member -> assertThat(member.partyAge.partyAge()).map(PartyAge::admissionDecisionDate)
                        .contains(actual));
    }

    @Test
    @DisplayName("I30: an admission decision date is not moved after the branch received the decision")
    void anAdmissionDecisionDateIsNotMovedAfterTheBranchReceivedIt() {
        TestExecutor<Member> given = fixture.given(fullMember());

        given.when(correct(idOf(AdmissionApproved.class), RecruitmentHistory.RECEIVED.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I30",
                        "aCorrectedAdmissionDecisionFallsBetweenCandidacyAndItsReceipt"));
    }
}

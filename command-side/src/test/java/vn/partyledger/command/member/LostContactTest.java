package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.RegisteredOrganisation;
import vn.partyledger.command.organisation.Timeline;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Processes;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.discipline.StrikeOffProposed;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.RecordContactRestored;
import vn.partyledger.domain.member.RecordLostContact;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.partyledger.command.member.LeavingHistory.BY_AUTHORITY;
import static vn.partyledger.command.member.LeavingHistory.DECIDED;
import static vn.partyledger.command.member.LeavingHistory.fullMember;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.WARD;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;
import static vn.partyledger.command.member.RecruitmentHistory.votesPassed;

/** Lost contact and its restoration on the Member's contact entity (docs/rules.md#s7-1, §17.6; ADR 0017). */
class LostContactTest {

    private static final LocalDate LOST = LocalDate.of(2023, 10, 2);
    private static final LocalDate NOTED = LocalDate.of(2024, 1, 15);
    private static final LocalDate BACK = LocalDate.of(2024, 3, 4);
    private static final LocalDate TREE_SINCE = LocalDate.of(2010, 1, 1);

    private static final MemberLostContact LOST_CONTACT = new MemberLostContact("m1", BRANCH, LOST, BRANCH);

    /** Branch kp1 and its neighbour kp2 under the ward committee, under the district committee. */
    private static final OrganisationRegistry TREE = orgId -> Optional.ofNullable(Map.of(
            BRANCH, organisation(BRANCH, OrganisationKind.SUBORDINATE_BRANCH, WARD),
            "kp2", organisation("kp2", OrganisationKind.SUBORDINATE_BRANCH, WARD),
            WARD, organisation(WARD, OrganisationKind.GRASSROOTS_COMMITTEE, AUTHORITY)).get(orgId));

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(TREE);
        fixture.registerInjectableResource(RecruitmentHistory.RESOLVER);
        Processes.ofMembers(fixture, new RecordingMembershipLedger());
    }

    private static RegisteredOrganisation organisation(String orgId, OrganisationKind kind, String parent) {
        return new RegisteredOrganisation(orgId, kind, TREE_SINCE, null, Timeline.empty(), Timeline.empty(), Timeline.empty(),
                Timeline.<String>empty().with(TREE_SINCE, parent), Timeline.empty());
    }

    private static DecisionRef by(String orgId, LocalDate on) {
        return new DecisionRef("NQ-" + on.getMonthValue() + "/CB", on, orgId);
    }

    private static RecordLostContact lostSince(LocalDate from, String recordedBy) {
        return new RecordLostContact("m1", from, by(recordedBy, NOTED));
    }

    private static RecordContactRestored restoredOn(LocalDate to) {
        return new RecordContactRestored("m1", to, by(BRANCH, BACK));
    }

    @Test
    @DisplayName("LOST_CONTACT: the member's branch records that a full member lost contact")
    void theMembersBranchRecordsThatAFullMemberLostContact() {
        fixture.given(fullMember())
                .when(lostSince(LOST, BRANCH))
                .expectEvents(LOST_CONTACT);
    }

    @Test
    @DisplayName("LOST_CONTACT: a committee above the branch may record the lost contact too")
    void aCommitteeAboveTheBranchMayRecordTheLostContactToo() {
        fixture.given(probationary())
                .when(lostSince(LOST, AUTHORITY))
                .expectEvents(new MemberLostContact("m1", BRANCH, LOST, AUTHORITY));
    }

    @Test
    @DisplayName("LOST_CONTACT: another branch cannot record the member's lost contact")
    void anotherBranchCannotRecordTheMembersLostContact() {
        fixture.given(fullMember())
                .when(lostSince(LOST, "kp2"))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "contactIsRecordedByTheMembersBranchOrACommitteeAboveIt"));
    }

    @Test
    @DisplayName("LOST_CONTACT: a candidate, not yet on a roll, cannot lose contact")
    void aCandidateCannotLoseContact() {
        fixture.given(votesPassed())
                .when(lostSince(LOST, BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "onlyAProbationaryOrFullMemberLosesContact"));
    }

    @Test
    @DisplayName("LOST_CONTACT: contact already lost is not lost a second time")
    void contactAlreadyLostIsNotLostASecondTime() {
        fixture.given(plus(fullMember(), LOST_CONTACT))
                .when(lostSince(NOTED, BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "contactIsLostOnceUntilRestored"));
    }

    @Test
    @DisplayName("LOST_CONTACT: a loss of contact is not recorded before it happened")
    void aLossOfContactIsNotRecordedBeforeItHappened() {
        fixture.given(fullMember())
                .when(lostSince(NOTED.plusDays(1), BRANCH))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "aContactChangeIsRecordedNoEarlierThanItHappened"));
    }

    @Test
    @DisplayName("LOST_CONTACT: restored contact closes the gap that began with the loss")
    void restoredContactClosesTheGapThatBeganWithTheLoss() {
        fixture.given(plus(fullMember(), LOST_CONTACT))
                .when(restoredOn(BACK))
                .expectEvents(new MemberContactRestored("m1", BRANCH, LOST, BACK, BRANCH));
    }

    @Test
    @DisplayName("LOST_CONTACT: contact is restored only when it was lost")
    void contactIsRestoredOnlyWhenItWasLost() {
        fixture.given(fullMember())
                .when(restoredOn(BACK))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "onlyLostContactIsRestored"));
    }

    @Test
    @DisplayName("LOST_CONTACT: contact is not restored before the day it was lost")
    void contactIsNotRestoredBeforeTheDayItWasLost() {
        fixture.given(plus(fullMember(), LOST_CONTACT))
                .when(restoredOn(LOST.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "contactIsRestoredNoEarlierThanItWasLost"));
    }

    @Test
    @DisplayName("LOST_CONTACT: a restoration is not recorded before it happened")
    void aRestorationIsNotRecordedBeforeItHappened() {
        fixture.given(plus(fullMember(), LOST_CONTACT))
                .when(restoredOn(BACK.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "aContactChangeIsRecordedNoEarlierThanItHappened"));
    }

    @Test
    @DisplayName("LOST_CONTACT: another branch cannot record the member's restored contact")
    void anotherBranchCannotRecordTheMembersRestoredContact() {
        fixture.given(plus(fullMember(), LOST_CONTACT))
                .when(new RecordContactRestored("m1", BACK, by("kp2", BACK)))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "contactIsRecordedByTheMembersBranchOrACommitteeAboveIt"));
    }

    @Test
    @DisplayName("LOST_CONTACT: after restored contact the member may lose contact again")
    void afterRestoredContactTheMemberMayLoseContactAgain() {
        LocalDate again = NOTED.minusDays(3);
        fixture.given(plus(fullMember(), new MemberLostContact("m1", BRANCH, LocalDate.of(2022, 1, 3), BRANCH),
                        new MemberContactRestored("m1", BRANCH, LocalDate.of(2022, 1, 3), LocalDate.of(2022, 5, 2),
                                BRANCH)))
                .when(lostSince(again, BRANCH))
                .expectEvents(new MemberLostContact("m1", BRANCH, again, BRANCH));
    }

    @Test
    @DisplayName("I20: a member out of contact is struck off for absence, and leaving the roll ends the lost contact")
    void aMemberOutOfContactIsStruckOffForAbsenceAndLeavingTheRollEndsTheLostContact() {
        StrikeOffProposed proposed = new StrikeOffProposed("m1", StrikeOffGround.ABSENCE_OR_DUES_3M,
                List.of("BB-2024-01"), List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3)),
                LocalDate.of(2024, 4, 22), 30, 16, true);
        MemberStruckOff struckOff = new MemberStruckOff("m1", BRANCH, StrikeOffGround.ABSENCE_OR_DUES_3M, AUTHORITY,
                DECIDED);
        fixture.given(plus(fullMember(), LOST_CONTACT, proposed))
                .when(new StrikeOffMember("m1", BY_AUTHORITY))
                .expectEvents(struckOff);
        fixture.given(plus(fullMember(), LOST_CONTACT, proposed, struckOff))
                .when(restoredOn(BACK))
                .expectNoEvents()
                .expectException(Violation.of("LOST_CONTACT", "onlyLostContactIsRestored"));
    }
}

package vn.partyledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

class OrganisationEstablishmentTest {

    private static final LocalDate WARD_FOUNDED = LocalDate.of(2015, 1, 1);
    private static final LocalDate BRANCH_FOUNDED = LocalDate.of(2020, 3, 2);
    private static final DecisionRef DECISION = new DecisionRef("12-QĐ/ĐU", BRANCH_FOUNDED, "ward-15");

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE, WARD_FOUNDED));
    }

    private static EstablishOrganisation branch(String parent, int fullMembers, LocalDate date, DecisionRef decision) {
        return new EstablishOrganisation("kp1", "Chi bộ Khu phố 1", OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, parent, "26734", OrganisationFlags.NONE, fullMembers, date, decision);
    }

    @Test
    @DisplayName("I1, BRANCH_TYPE: a branch is established under a parent that exists on the effective date")
    void branchIsEstablishedUnderAParentThatExistsOnTheEffectiveDate() {
        fixture.givenNoPriorActivity()
                .when(branch("ward-15", 67, BRANCH_FOUNDED, DECISION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
                        OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", "26734",
                        OrganisationFlags.NONE, 67, false, BRANCH_FOUNDED));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a branch founded today by today's decision is recorded")
    void aBranchFoundedTodayByTodaysDecisionIsRecorded() {
        LocalDate today = FixedToday.DATE;
        fixture.givenNoPriorActivity()
                .when(branch("ward-15", 67, today, new DecisionRef("12-QĐ/ĐU", today, "ward-15")))
                .expectEvents(new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
                        OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", "26734",
                        OrganisationFlags.NONE, 67, false, today));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a branch founded as from tomorrow is recorded once that day comes")
    void aBranchFoundedAsFromTomorrowIsRecordedOnceThatDayComes() {
        LocalDate today = FixedToday.DATE;
        fixture.givenNoPriorActivity()
                .when(branch("ward-15", 67, today.plusDays(1), new DecisionRef("12-QĐ/ĐU", today, "ward-15")))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("I1: nothing can be established under a parent that does not exist")
    void nothingCanBeEstablishedUnderAParentThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(branch("no-such-ward", 5, BRANCH_FOUNDED, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I1", "parentMustExistOnTheEffectiveDate"));
    }

    @Test
    @DisplayName("I1: nothing can be established under a parent before the parent itself was founded")
    void nothingCanBeEstablishedUnderAParentBeforeTheParentWasFounded() {
        fixture.givenNoPriorActivity()
                .when(branch("ward-15", 5, WARD_FOUNDED.minusDays(1), DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I1", "parentMustExistOnTheEffectiveDate"));
    }

    @Test
    @DisplayName("I1: only a central or provincial organisation may be established without a parent")
    void onlyACentralOrProvincialOrganisationMayBeEstablishedWithoutAParent() {
        fixture.givenNoPriorActivity()
                .when(branch(null, 5, BRANCH_FOUNDED, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I1", "parentMustExistOnTheEffectiveDate"));
    }

    @Test
    @DisplayName("I1: a branch founded with fewer than three full members needs the superior's decision")
    void aBranchFoundedWithFewerThanThreeFullMembersNeedsTheSuperiorsDecision() {
        fixture.givenNoPriorActivity()
                .when(branch("ward-15", 2, BRANCH_FOUNDED, null))
                .expectNoEvents()
                .expectException(Violation.of("I1", "foundingBelowThreeFullMembersNeedsADecision"));
    }

    @Test
    @DisplayName("I1: a branch founded with fewer than three full members by decision is recorded with the warning")
    void aBranchFoundedWithFewerThanThreeFullMembersByDecisionIsRecordedWithTheWarning() {
        fixture.givenNoPriorActivity()
                .when(branch("ward-15", 2, BRANCH_FOUNDED, DECISION))
                .expectEvents(new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
                        OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", "26734",
                        OrganisationFlags.NONE, 2, true, BRANCH_FOUNDED));
    }

    @Test
    @DisplayName("a branch needs a branch type and a committee must not have one")
    void aBranchNeedsABranchTypeAndACommitteeMustNotHaveOne() {
        fixture.givenNoPriorActivity()
                .when(new EstablishOrganisation("kp1", "Chi bộ Khu phố 1", OrganisationKind.SUBORDINATE_BRANCH,
                        null, "ward-15", null, OrganisationFlags.NONE, 5, BRANCH_FOUNDED, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("BRANCH_TYPE", "onlyBranchesHaveABranchType"));
    }

    @Test
    @DisplayName("I27: a branch that exists on the date takes a member on its roll")
    void aBranchThatExistsOnTheDateTakesAMemberOnItsRoll() {
        LocalDate ceremony = LocalDate.of(2021, 5, 19);
        fixture.given(new OrganisationEstablished("kp1", "Chi bộ Khu phố 1", OrganisationKind.SUBORDINATE_BRANCH,
                        BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, BRANCH_FOUNDED))
                .whenInvoking("kp1", branch -> branch.enrol("m1", MemberStatus.PROBATIONARY, ceremony))
                .expectEvents(new MemberEnrolled("kp1", "m1", MemberStatus.PROBATIONARY, ceremony));
    }

    @Test
    @DisplayName("I27: no member is put on a branch's roll before the branch exists")
    void noMemberIsPutOnABranchsRollBeforeTheBranchExists() {
        fixture.given(new OrganisationEstablished("kp1", "Chi bộ Khu phố 1", OrganisationKind.SUBORDINATE_BRANCH,
                        BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, BRANCH_FOUNDED))
                .whenInvoking("kp1", branch -> branch.enrol("m1", MemberStatus.PROBATIONARY,
                        BRANCH_FOUNDED.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate"));
    }

    @Test
    @DisplayName("I27: only a branch keeps a roll of members")
    void onlyABranchKeepsARollOfMembers() {
        fixture.given(new OrganisationEstablished("ward-15", "Đảng bộ Phường 15",
                        OrganisationKind.GRASSROOTS_COMMITTEE, null, "hcmc", null, OrganisationFlags.NONE, 30, false,
                        WARD_FOUNDED))
                .whenInvoking("ward-15", ward -> ward.enrol("m1", MemberStatus.PROBATIONARY, BRANCH_FOUNDED))
                .expectNoEvents()
                .expectException(Violation.of("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate"));
    }
}

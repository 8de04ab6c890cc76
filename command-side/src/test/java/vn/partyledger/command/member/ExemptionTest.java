package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryGrassrootsOrganisations;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.exemption.EndExemption;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionPolicy;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.exemption.GrantExemption;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/** Full exemptions (I14), temporary exemptions (I15) and their end, on the Member's exemptions entity. */
class ExemptionTest {

    private static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    private static final DecisionRef BRANCH_RESOLUTION = new DecisionRef("12-NQ/CB", FROM, "kp1");
    private static final DecisionRef WARD_DECISION = new DecisionRef("88-QĐ/ĐU", FROM, "ward-15");
    /** The member dies while exempted, before the exemption's end date. */
    private static final LocalDate DIED = FROM.plusMonths(2);

    private final OutstandingCandidateRegistered registered = new OutstandingCandidateRegistered("m1", "p1", "kp1",
            Sensitive.of("p1", CandidateSource.RESIDENT), null, LocalDate.of(2019, 1, 7));
    private final MemberAdmitted admitted = new MemberAdmitted("m1", "p1", "kp1", LocalDate.of(2020, 6, 19),
            LocalDate.of(2021, 6, 19), LocalDate.of(2020, 6, 1), false);
    private final ExemptionGranted temporarilyExempt = new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
            Sensitive.of("p1", ExemptionReason.WORKING_AWAY), FROM, FROM.plusMonths(6), "ward-15", null);

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(ExemptionPolicy.DEFAULTS);
    }

    private static AggregateTestFixture<Member> fixtureWith(ExemptionPolicy policy) {
        AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(new InMemoryGrassrootsOrganisations().with("kp1", "ward-15"));
        return fixture;
    }

    private static GrantExemption fullExemption(String applicationRef, ExemptionReason reason, DecisionRef decision) {
        return new GrantExemption("m1", ExemptionKind.FULL, reason, FROM, null, applicationRef, decision);
    }

    private static GrantExemption temporaryExemption(ExemptionReason reason, LocalDate until, DecisionRef decision) {
        return new GrantExemption("m1", ExemptionKind.TEMPORARY, reason, FROM, until, "don-17", decision);
    }

    @Test
    @DisplayName("I14: a probationary member is not fully exempted under the default policy")
    void aProbationaryMemberIsNotFullyExemptedUnderTheDefaultPolicy() {
        fixture.given(registered, admitted)
                .when(fullExemption("don-17", ExemptionReason.ADVANCED_AGE_POOR_HEALTH, BRANCH_RESOLUTION))
                .expectNoEvents()
                .expectException(Violation.of("I14", "fullExemptionIsForAFullMember"));
    }

    @Test
    @DisplayName("I14: where the policy allows probationers, the branch fully exempts one on their own application")
    void whereThePolicyAllowsProbationersTheBranchFullyExemptsOneOnTheirOwnApplication() {
        fixtureWith(new ExemptionPolicy(true, 12)).given(registered, admitted)
                .when(fullExemption("don-17", ExemptionReason.ADVANCED_AGE_POOR_HEALTH, BRANCH_RESOLUTION))
                .expectEvents(new ExemptionGranted("m1", ExemptionKind.FULL,
                        Sensitive.of("p1", ExemptionReason.ADVANCED_AGE_POOR_HEALTH),
                        FROM, null, "kp1", "don-17"));
    }

    @Test
    @DisplayName("I14: a candidate is never fully exempted, even where the policy allows probationers")
    void aCandidateIsNeverFullyExempted() {
        fixtureWith(new ExemptionPolicy(true, 12)).given(registered)
                .when(fullExemption("don-17", ExemptionReason.ADVANCED_AGE_POOR_HEALTH, BRANCH_RESOLUTION))
                .expectNoEvents()
                .expectException(Violation.of("I14", "fullExemptionIsForAFullMember"));
    }

    @Test
    @DisplayName("I14: a full exemption needs the member's own application on file")
    void aFullExemptionNeedsTheMembersOwnApplicationOnFile() {
        fixtureWith(new ExemptionPolicy(true, 12)).given(registered, admitted)
                .when(fullExemption(null, ExemptionReason.ADVANCED_AGE_POOR_HEALTH, BRANCH_RESOLUTION))
                .expectNoEvents()
                .expectException(Violation.of("I14", "fullExemptionNeedsTheMembersOwnApplication"));
    }

    @Test
    @DisplayName("I14: a full exemption is only for advanced age and poor health")
    void aFullExemptionIsOnlyForAdvancedAgeAndPoorHealth() {
        fixtureWith(new ExemptionPolicy(true, 12)).given(registered, admitted)
                .when(fullExemption("don-17", ExemptionReason.WORKING_AWAY, BRANCH_RESOLUTION))
                .expectNoEvents()
                .expectException(Violation.of("I14", "fullExemptionIsForAdvancedAgeAndPoorHealth"));
    }

    @Test
    @DisplayName("I14: a full exemption is decided by the member's branch, not by the ward")
    void aFullExemptionIsDecidedByTheMembersBranchNotByTheWard() {
        fixtureWith(new ExemptionPolicy(true, 12)).given(registered, admitted)
                .when(fullExemption("don-17", ExemptionReason.ADVANCED_AGE_POOR_HEALTH, WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I14", "fullExemptionIsDecidedByTheMembersBranch"));
    }

    @Test
    @DisplayName("I14: no full exemption is granted while another exemption is in force")
    void noFullExemptionIsGrantedWhileAnotherExemptionIsInForce() {
        fixtureWith(new ExemptionPolicy(true, 12)).given(registered, admitted, temporarilyExempt)
                .when(fullExemption("don-17", ExemptionReason.ADVANCED_AGE_POOR_HEALTH, BRANCH_RESOLUTION))
                .expectNoEvents()
                .expectException(Violation.of("I14", "noOverlappingExemptionInForce"));
    }

    @Test
    @DisplayName("I15: the grassroots committee temporarily exempts a member working away until a set date")
    void theGrassrootsCommitteeTemporarilyExemptsAMemberWorkingAwayUntilASetDate() {
        fixture.given(registered, admitted)
                .when(temporaryExemption(ExemptionReason.WORKING_AWAY, FROM.plusMonths(6), WARD_DECISION))
                .expectEvents(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                        Sensitive.of("p1", ExemptionReason.WORKING_AWAY),
                        FROM, FROM.plusMonths(6), "ward-15", "don-17"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an exemption starting today runs until a planned end date")
    void anExemptionStartingTodayRunsUntilAPlannedEndDate() {
        LocalDate today = FixedToday.DATE;
        fixture.given(registered, admitted)
                .when(new GrantExemption("m1", ExemptionKind.TEMPORARY, ExemptionReason.WORKING_AWAY, today,
                        today.plusMonths(6), "don-17", new DecisionRef("88-QĐ/ĐU", today, "ward-15")))
                .expectEvents(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                        Sensitive.of("p1", ExemptionReason.WORKING_AWAY), today, today.plusMonths(6), "ward-15",
                        "don-17"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an exemption starting tomorrow is not recorded today")
    void anExemptionStartingTomorrowIsNotRecordedToday() {
        LocalDate today = FixedToday.DATE;
        fixture.given(registered, admitted)
                .when(new GrantExemption("m1", ExemptionKind.TEMPORARY, ExemptionReason.WORKING_AWAY,
                        today.plusDays(1), today.plusMonths(6), "don-17",
                        new DecisionRef("88-QĐ/ĐU", today, "ward-15")))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("I15: a temporary exemption needs an end date")
    void aTemporaryExemptionNeedsAnEndDate() {
        fixture.given(registered, admitted)
                .when(temporaryExemption(ExemptionReason.WORKING_AWAY, null, WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I15", "temporaryExemptionEndsOnADateAfterItStarts"));
    }

    @Test
    @DisplayName("I15: an absence from the locality is exempted for less than twelve months")
    void anAbsenceFromTheLocalityIsExemptedForLessThanTwelveMonths() {
        fixture.given(registered, admitted)
                .when(temporaryExemption(ExemptionReason.MOBILE_WORK, FROM.plusMonths(12), WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I15", "anAbsenceOfLessThanAYearIsExemptedForLessThanAYear"));
    }

    @Test
    @DisplayName("I15: the twelve-month bound is only for absences from the locality, not for a long illness")
    void theTwelveMonthBoundIsOnlyForAbsencesFromTheLocality() {
        fixture.given(registered, admitted)
                .when(temporaryExemption(ExemptionReason.LONG_ILLNESS, FROM.plusMonths(18), WARD_DECISION))
                .expectEvents(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                        Sensitive.of("p1", ExemptionReason.LONG_ILLNESS),
                        FROM, FROM.plusMonths(18), "ward-15", "don-17"));
    }

    @Test
    @DisplayName("I15: a temporary exemption is decided by the grassroots committee, not by the branch")
    void aTemporaryExemptionIsDecidedByTheGrassrootsCommitteeNotByTheBranch() {
        fixture.given(registered, admitted)
                .when(temporaryExemption(ExemptionReason.WORKING_AWAY, FROM.plusMonths(6), BRANCH_RESOLUTION))
                .expectNoEvents()
                .expectException(Violation.of("I15", "temporaryExemptionIsDecidedByTheGrassrootsCommittee"));
    }

    @Test
    @DisplayName("I15: a candidate is not temporarily exempted")
    void aCandidateIsNotTemporarilyExempted() {
        fixture.given(registered)
                .when(temporaryExemption(ExemptionReason.WORKING_AWAY, FROM.plusMonths(6), WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I15", "temporaryExemptionIsForAMemberOnTheRoll"));
    }

    @Test
    @DisplayName("I15: no temporary exemption is granted while another is in force")
    void noTemporaryExemptionIsGrantedWhileAnotherIsInForce() {
        fixture.given(registered, admitted, temporarilyExempt)
                .when(temporaryExemption(ExemptionReason.WORKING_AWAY, FROM.plusMonths(3), WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I15", "noOverlappingExemptionInForce"));
    }

    @Test
    @DisplayName("EXEMPTION_NOT_IN_FORCE, EXEMPTION_END_DATE: a member who resumes ends the exemption in force")
    void aMemberWhoResumesEndsTheExemptionInForce() {
        fixture.given(registered, admitted, temporarilyExempt)
                .when(new EndExemption("m1", ExemptionEndReason.MEMBER_RESUMED, FROM.plusMonths(2), "nx-3"))
                .expectEvents(new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.MEMBER_RESUMED,
                        FROM.plusMonths(2), "nx-3"));
    }

    @Test
    @DisplayName("an exemption that was ended is no longer in force, so a new one can be granted")
    void anExemptionThatWasEndedIsNoLongerInForce() {
        ExemptionEnded ended = new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.EXPIRED,
                FROM.plusMonths(6), null);
        fixture.given(registered, admitted, temporarilyExempt, ended)
                .when(temporaryExemption(ExemptionReason.WORKING_AWAY, FROM.plusMonths(9), WARD_DECISION))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("only an exemption in force ends")
    void onlyAnExemptionInForceEnds() {
        fixture.given(registered, admitted)
                .when(new EndExemption("m1", ExemptionEndReason.MEMBER_RESUMED, FROM, null))
                .expectNoEvents()
                .expectException(Violation.of("EXEMPTION_NOT_IN_FORCE", "onlyAnExemptionInForceEnds"));
    }

    @Test
    @DisplayName("an exemption cannot end before it starts")
    void anExemptionCannotEndBeforeItStarts() {
        fixture.given(registered, admitted, temporarilyExempt)
                .when(new EndExemption("m1", ExemptionEndReason.REVOKED, FROM.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("EXEMPTION_END_DATE", "anExemptionCannotEndBeforeItStarts"));
    }

    @Test
    @DisplayName("a temporary exemption expires on its end date, not before")
    void aTemporaryExemptionExpiresOnItsEndDateNotBefore() {
        fixture.given(registered, admitted, temporarilyExempt)
                .when(new EndExemption("m1", ExemptionEndReason.EXPIRED, FROM.plusMonths(6).minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("EXEMPTION_END_DATE", "onlyATemporaryExemptionPastItsEndDateExpires"));
    }

    @Test
    @DisplayName("EXEMPTION_END_DATE: a temporary exemption expires on its end date")
    void aTemporaryExemptionExpiresOnItsEndDate() {
        fixture.given(registered, admitted, temporarilyExempt)
                .when(new EndExemption("m1", ExemptionEndReason.EXPIRED, FROM.plusMonths(6), null))
                .expectEvents(new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.EXPIRED,
                        FROM.plusMonths(6), null));
    }

    @Test
    @DisplayName("I29: a deceased member is not exempted, even from a date before the death")
    void aDeceasedMemberIsNotExempted() {
        fixture.given(registered, admitted, new MemberDeceased("m1", "kp1", DIED))
                .when(temporaryExemption(ExemptionReason.LONG_ILLNESS, FROM.plusMonths(6), WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: a deceased member's exemption is not ended: the death ended it")
    void aDeceasedMembersExemptionIsNotEnded() {
        fixture.given(registered, admitted, temporarilyExempt, new MemberDeceased("m1", "kp1", DIED))
                .when(new EndExemption("m1", ExemptionEndReason.EXPIRED, FROM.plusMonths(6), null))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: a living member who resumes the day before their death ends the exemption")
    void aLivingMemberWhoResumesTheDayBeforeTheirDeathEndsTheExemption() {
        fixture.given(registered, admitted, temporarilyExempt)
                .when(new EndExemption("m1", ExemptionEndReason.MEMBER_RESUMED, DIED.minusDays(1), "nx-4"))
                .expectEvents(new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.MEMBER_RESUMED,
                        DIED.minusDays(1), "nx-4"));
    }
}

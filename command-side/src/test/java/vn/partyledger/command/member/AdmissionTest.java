package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The admission steps the foundation needs: candidacy, decision and ceremony (I7 in part, I8 in full). */
class AdmissionTest {

    private static final LocalDate REGISTERED = LocalDate.of(2020, 1, 6);
    private static final LocalDate DECIDED = LocalDate.of(2020, 6, 1);
    private static final LocalDate RECEIVED = LocalDate.of(2020, 6, 3);
    /** 30 working days after 3 Jun 2020 with no holiday in between. */
    private static final LocalDate CEREMONY_DEADLINE = LocalDate.of(2020, 7, 15);
    private static final DecisionRef DECISION = new DecisionRef("245-QĐ/QU", DECIDED, "district-phuc-yen");

    private final OutstandingCandidateRegistered registered = new OutstandingCandidateRegistered("m1", "p1", "kp1",
            CandidateSource.YOUTH_UNION, "m-mentor", REGISTERED);
    private final AdmissionApproved approved = new AdmissionApproved("m1", DECIDED, "district-phuc-yen", RECEIVED);

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new WorkingDayCalendar(Set.of()));
    }

    private AggregateTestFixture<Member> fixtureWith(WorkingDayCalendar calendar) {
        ledger = new RecordingMembershipLedger();
        AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 1))
                .with("ward", OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2010, 1, 1)));
        fixture.registerInjectableResource(calendar);
        fixture.registerInjectableResource(AdmissionPolicy.DEFAULTS);
        fixture.registerInjectableResource(ledger);
        return fixture;
    }

    @Test
    @DisplayName("I27: a candidate is registered in a branch that exists on the date")
    void aCandidateIsRegisteredInABranchThatExistsOnTheDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOutstandingCandidate("m1", "p1", "kp1", CandidateSource.YOUTH_UNION, "m-mentor",
                        REGISTERED))
                .expectEvents(registered);
    }

    @Test
    @DisplayName("I27: a candidate cannot be registered in an organisation that is not a branch")
    void aCandidateCannotBeRegisteredInAnOrganisationThatIsNotABranch() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOutstandingCandidate("m1", "p1", "ward", CandidateSource.RESIDENT, null,
                        REGISTERED))
                .expectNoEvents()
                .expectException(Violation.of("I27", "memberBelongsToABranchThatExistsOnTheBusinessDate"));
    }

    @Test
    @DisplayName("I7: the competent committee's decision approves the admission of a candidate")
    void theCompetentCommitteesDecisionApprovesTheAdmissionOfACandidate() {
        fixture.given(registered)
                .when(new DecideAdmission("m1", DECISION, RECEIVED))
                .expectEvents(approved);
    }

    @Test
    @DisplayName("I7: an admission is decided only once")
    void anAdmissionIsDecidedOnlyOnce() {
        fixture.given(registered, approved)
                .when(new DecideAdmission("m1", DECISION, RECEIVED))
                .expectNoEvents()
                .expectException(Violation.of("I7", "admissionIsDecidedOnlyForACandidate"));
    }

    @Test
    @DisplayName("I7: an admission decision cannot be dated before the candidacy")
    void anAdmissionDecisionCannotBeDatedBeforeTheCandidacy() {
        DecisionRef early = new DecisionRef("1-QĐ/QU", REGISTERED.minusDays(1), "district-phuc-yen");
        fixture.given(registered)
                .when(new DecideAdmission("m1", early, RECEIVED))
                .expectNoEvents()
                .expectException(Violation.of("I7", "admissionDecisionCannotPrecedeCandidacy"));
    }

    @Test
    @DisplayName("I7: the branch cannot receive a decision before it is signed")
    void theBranchCannotReceiveADecisionBeforeItIsSigned() {
        fixture.given(registered)
                .when(new DecideAdmission("m1", DECISION, DECIDED.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I7", "branchCannotReceiveTheDecisionBeforeItIsSigned"));
    }

    @Test
    @DisplayName("I8: the ceremony admits the candidate as a probationary member for twelve months")
    void theCeremonyAdmitsTheCandidateAsAProbationaryMemberForTwelveMonths() {
        LocalDate ceremony = LocalDate.of(2020, 6, 19);
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", ceremony, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", ceremony, LocalDate.of(2021, 6, 19), DECIDED, false));
    }

    @Test
    @DisplayName("I8: the ceremony puts the new probationary member on the branch's roll")
    void theCeremonyPutsTheNewProbationaryMemberOnTheBranchsRoll() {
        LocalDate ceremony = LocalDate.of(2020, 6, 19);
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", ceremony, null))
                .expectSuccessfulHandlerExecution();
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment("kp1", "m1", MemberStatus.PROBATIONARY, ceremony));
    }

    @Test
    @DisplayName("I8: a refused ceremony puts nobody on the roll")
    void aRefusedCeremonyPutsNobodyOnTheRoll() {
        fixture.given(registered)
                .when(new AdmitMember("m1", LocalDate.of(2020, 6, 19), null))
                .expectException(RuleViolation.class);
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I8: a ceremony cannot be held without an approved admission")
    void aCeremonyCannotBeHeldWithoutAnApprovedAdmission() {
        fixture.given(registered)
                .when(new AdmitMember("m1", LocalDate.of(2020, 6, 19), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyRequiresAnApprovedAdmission"));
    }

    @Test
    @DisplayName("I8: a member cannot be admitted twice")
    void aMemberCannotBeAdmittedTwice() {
        fixture.given(registered, approved,
                        new MemberAdmitted("m1", "p1", "kp1", DECIDED, DECIDED.plusMonths(12), DECIDED, false))
                .when(new AdmitMember("m1", LocalDate.of(2020, 6, 19), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyRequiresAnApprovedAdmission"));
    }

    @Test
    @DisplayName("I8: a ceremony cannot precede the admission decision")
    void aCeremonyCannotPrecedeTheAdmissionDecision() {
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", DECIDED.minusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyCannotPrecedeTheAdmissionDecision"));
    }

    @Test
    @DisplayName("I8: a ceremony on the thirtieth working day after receipt is on time")
    void aCeremonyOnTheThirtiethWorkingDayAfterReceiptIsOnTime() {
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", CEREMONY_DEADLINE, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", CEREMONY_DEADLINE, CEREMONY_DEADLINE.plusMonths(12),
                        DECIDED, false));
    }

    @Test
    @DisplayName("I8: a ceremony later than thirty working days after receipt needs the superior committee's consent")
    void aCeremonyLaterThanThirtyWorkingDaysAfterReceiptNeedsTheSuperiorCommitteesConsent() {
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", CEREMONY_DEADLINE.plusDays(1), null))
                .expectNoEvents()
                .expectException(Violation.of("I8", "ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision"));
    }

    @Test
    @DisplayName("I8: a late ceremony with the superior committee's consent is recorded as such")
    void aLateCeremonyWithTheSuperiorCommitteesConsentIsRecordedAsSuch() {
        LocalDate late = CEREMONY_DEADLINE.plusDays(1);
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", late, new DecisionRef("3-CV/QU", late, "district-phuc-yen")))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", late, late.plusMonths(12), DECIDED, true));
    }

    @Test
    @DisplayName("I8: public holidays do not count towards the ceremony deadline")
    void publicHolidaysDoNotCountTowardsTheCeremonyDeadline() {
        fixture = fixtureWith(new WorkingDayCalendar(Set.of(LocalDate.of(2020, 7, 1))));
        LocalDate dayAfterUsualDeadline = CEREMONY_DEADLINE.plusDays(1);
        fixture.given(registered, approved)
                .when(new AdmitMember("m1", dayAfterUsualDeadline, null))
                .expectEvents(new MemberAdmitted("m1", "p1", "kp1", dayAfterUsualDeadline,
                        dayAfterUsualDeadline.plusMonths(12), DECIDED, false));
    }
}

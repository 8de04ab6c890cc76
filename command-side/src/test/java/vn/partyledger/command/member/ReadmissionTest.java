package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.ProvincialConsentRecorded;
import vn.partyledger.domain.member.ReadmissionGrounds;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.SubmitApplication;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.COMMENTS;
import static vn.partyledger.command.member.RecruitmentHistory.DECIDED;
import static vn.partyledger.command.member.RecruitmentHistory.FIRST_INTRODUCER;
import static vn.partyledger.command.member.RecruitmentHistory.SECOND_INTRODUCER;
import static vn.partyledger.command.member.RecruitmentHistory.VERIFIED;
import static vn.partyledger.command.member.RecruitmentHistory.WARD;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/**
 * Re-admission (docs/rules.md#s5-1, QĐ 294 §3.5): I3 when a former member is registered again, I25 on the application and
 * the decision, the province's consent (I7), and what a re-admitted member's probation and party age become. The
 * member of RecruitmentHistory, full since 2021, leaves on {@link #LEFT} and comes back in a candidacy of 2024.
 */
class ReadmissionTest {

    private static final LocalDate LEFT = LocalDate.of(2021, 9, 6);
    private static final LocalDate REGISTERED_AGAIN = LocalDate.of(2024, 3, 4);
    private static final LocalDate APPLIED_AGAIN = LocalDate.of(2024, 4, 1);
    /** Three years after {@link #LEFT}: the earliest re-admission. */
    private static final LocalDate THIRTY_SIX_MONTHS_OUT = LocalDate.of(2024, 9, 6);
    private static final LocalDate RECEIVED = LocalDate.of(2024, 9, 10);
    private static final ReadmissionGrounds HARDSHIP = new ReadmissionGrounds(null, null, null, "KL-12/TU");

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = LeavingHistory.fixture(new RecordingMembershipLedger());
    }

    private static Object[] fullMember() {
        return LeavingHistory.fullMember();
    }

    private static MemberStruckOff struckOff(StrikeOffGround ground) {
        return new MemberStruckOff("m1", BRANCH, ground, AUTHORITY, LEFT);
    }

    private static DisciplineImposed expelled(ViolationCategory category) {
        return new DisciplineImposed("m1", DisciplineForm.EXPULSION, BRANCH, AUTHORITY, LEFT,
                Sensitive.of("p1", category));
    }

    private static RegisterOutstandingCandidate registerAgain() {
        return new RegisterOutstandingCandidate("m1", "p1", BRANCH, CandidateSource.RESIDENT, null, REGISTERED_AGAIN);
    }

    private static Object[] registeredAgainAfter(Object exit) {
        return registeredAgain(plus(fullMember(), exit));
    }

    private static Object[] registeredAgain(Object[] former) {
        return plus(former, new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                Sensitive.of("p1", CandidateSource.RESIDENT), null, REGISTERED_AGAIN));
    }

    private static SubmitApplication applyAgain(ReadmissionGrounds grounds) {
        return new SubmitApplication("m1", APPLIED_AGAIN, true, "LL-2024-03", false, false, grounds);
    }

    private static ApplicationSubmitted appliedAgain(ReadmissionGrounds grounds) {
        return new ApplicationSubmitted("m1", APPLIED_AGAIN, true, "LL-2024-03", false, false,
                Sensitive.of("p1", grounds));
    }

    /** The second candidacy up to the province's consent, both votes passed in July 2024. */
    private static Object[] readmissionFile(Object exit, ReadmissionGrounds grounds) {
        return readmissionFile(plus(fullMember(), exit), grounds);
    }

    private static Object[] readmissionFile(Object[] former, ReadmissionGrounds grounds) {
        return plus(registeredAgain(former),
                new AwarenessCourseCompleted("m1", "GCN-2024-31", "political-centre", LocalDate.of(2024, 2, 5)),
                appliedAgain(grounds), FIRST_INTRODUCER, SECOND_INTRODUCER, VERIFIED, COMMENTS,
                new BranchAdmissionVoteRecorded("m1", "meeting-2024-07", LocalDate.of(2024, 7, 1), 30, 26, 2, true),
                new CommitteeAdmissionVoteRecorded("m1", WARD, LocalDate.of(2024, 7, 15), 9, 8, true));
    }

    private static Object[] consentedReadmissionFile(Object exit, ReadmissionGrounds grounds) {
        return consented(readmissionFile(exit, grounds));
    }

    private static Object[] consented(Object[] file) {
        return consentedOn(file, LocalDate.of(2024, 8, 5));
    }

    private static Object[] consentedOn(Object[] file, LocalDate date) {
        return plus(file, new ProvincialConsentRecorded("m1", ConsentKind.READMISSION, date, "province"));
    }

    private static DecideAdmission decideOn(LocalDate date) {
        return new DecideAdmission("m1", new DecisionRef("88-QĐ/QU", date, AUTHORITY), RECEIVED, null);
    }

    private static AdmissionApproved approvedOn(LocalDate date) {
        return new AdmissionApproved("m1", date, AUTHORITY, RECEIVED, false);
    }

    @Test
    @DisplayName("I25: an expulsion records the violation category a later re-admission reads")
    void anExpulsionRecordsTheViolationCategoryALaterReadmissionReads() {
        fixture.given(fullMember())
                .when(new ImposeDiscipline("m1", DisciplineForm.EXPULSION, false, LeavingHistory.BY_AUTHORITY,
                        ViolationCategory.SERIOUS_DISUNITY))
                .expectEvents(new DisciplineImposed("m1", DisciplineForm.EXPULSION, BRANCH, AUTHORITY,
                        LeavingHistory.DECIDED, Sensitive.of("p1", ViolationCategory.SERIOUS_DISUNITY)));
    }

    @Test
    @DisplayName("I3: a member struck off for abandoning party activity is never registered for re-admission")
    void aMemberStruckOffForAbandoningPartyActivityIsNeverRegisteredForReadmission() {
        fixture.given(plus(fullMember(), struckOff(StrikeOffGround.ABSENCE_OR_DUES_3M)))
                .when(registerAgain())
                .expectNoEvents()
                .expectException(Violation.of("I3", "anExitForAbandoningPartyActivityBarsReadmission"));
    }

    @Test
    @DisplayName("I3: a member struck off for no progress after twelve months may be registered for re-admission")
    void aMemberStruckOffForNoProgressMayBeRegisteredForReadmission() {
        fixture.given(plus(fullMember(), struckOff(StrikeOffGround.NO_PROGRESS_12M)))
                .when(registerAgain())
                .expectEvents(new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                        Sensitive.of("p1", CandidateSource.RESIDENT), null,
                        REGISTERED_AGAIN));
    }

    @Test
    @DisplayName("I3: a member expelled after a conviction for corruption is never registered for re-admission")
    void aMemberExpelledForCorruptionIsNeverRegisteredForReadmission() {
        fixture.given(plus(fullMember(), expelled(ViolationCategory.CORRUPTION_CONVICTION)))
                .when(registerAgain())
                .expectNoEvents()
                .expectException(Violation.of("I3", "anExitForDisunityCorruptionOrSeriousCrimeBarsReadmission"));
    }

    @Test
    @DisplayName("ERASURE: no re-admission rests on the violation category of a person whose data was erased")
    void noReadmissionRestsOnTheViolationCategoryOfAnErasedPerson() {
        DisciplineImposed expelledThenErased = new DisciplineImposed("m1", DisciplineForm.EXPULSION, BRANCH, AUTHORITY,
                LEFT, Sensitive.sealed("p1", Optional::empty));
        fixture.given(plus(fullMember(), expelledThenErased))
                .when(registerAgain())
                .expectNoEvents()
                .expectException(Violation.of("ERASURE", "anErasedPersonsFactIsNeverRead"));
    }

    @Test
    @DisplayName("I3: a member expelled for an unrecorded category may be registered; the application tells")
    void aMemberExpelledForAnUnrecordedCategoryMayBeRegistered() {
        fixture.given(plus(fullMember(), expelled(ViolationCategory.NOT_RECORDED)))
                .when(registerAgain())
                .expectEvents(new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                        Sensitive.of("p1", CandidateSource.RESIDENT), null,
                        REGISTERED_AGAIN));
    }

    @Test
    @DisplayName("I25: a voluntary exit is re-admitted only for especially difficult family circumstances")
    void aVoluntaryExitIsReadmittedOnlyForEspeciallyDifficultFamilyCircumstances() {
        fixture.given(registeredAgainAfter(struckOff(StrikeOffGround.VOLUNTARY_EXIT)))
                .when(applyAgain(ReadmissionGrounds.NONE))
                .expectNoEvents()
                .expectException(Violation.of("I25",
                        "aVoluntaryExitIsReadmittedOnlyForEspeciallyDifficultFamilyCircumstances"));
    }

    @Test
    @DisplayName("I25: a voluntary exit for especially difficult family circumstances, found by decision, may apply")
    void aVoluntaryExitForFamilyHardshipFoundByDecisionMayApply() {
        fixture.given(registeredAgainAfter(struckOff(StrikeOffGround.VOLUNTARY_EXIT)))
                .when(applyAgain(HARDSHIP))
                .expectEvents(appliedAgain(HARDSHIP));
    }

    @Test
    @DisplayName("I25: an expulsion of unrecorded category needs the category from the paper file")
    void anExpulsionOfUnrecordedCategoryNeedsTheCategoryFromThePaperFile() {
        fixture.given(registeredAgainAfter(expelled(ViolationCategory.NOT_RECORDED)))
                .when(applyAgain(new ReadmissionGrounds(ViolationCategory.OTHER, null, null, null)))
                .expectNoEvents()
                .expectException(Violation.of("I25", "anExitOfUnrecordedCategoryStatesTheCategoryFromThePaperFile"));
    }

    @Test
    @DisplayName("I25: an expulsion of unrecorded category with the category and its document from the file may apply")
    void anExpulsionOfUnrecordedCategoryWithTheCategoryFromThePaperFileMayApply() {
        ReadmissionGrounds fromFile = new ReadmissionGrounds(ViolationCategory.OTHER, "HS-KL-2021-09", null, null);
        fixture.given(registeredAgainAfter(expelled(ViolationCategory.NOT_RECORDED)))
                .when(applyAgain(fromFile))
                .expectEvents(appliedAgain(fromFile));
    }

    @Test
    @DisplayName("I25: a paper file showing serious disunity bars the re-admission")
    void aPaperFileShowingSeriousDisunityBarsTheReadmission() {
        fixture.given(registeredAgainAfter(struckOff(StrikeOffGround.POLITICAL_STANDARD)))
                .when(applyAgain(new ReadmissionGrounds(ViolationCategory.SERIOUS_DISUNITY, "HS-XT-2021-09", null,
                        null)))
                .expectNoEvents()
                .expectException(Violation.of("I25", "anExitForDisunityCorruptionOrSeriousCrimeBarsReadmission"));
    }

    @Test
    @DisplayName("I25: an exit after a less-serious conviction states when the conviction was expunged")
    void anExitAfterALessSeriousConvictionStatesWhenTheConvictionWasExpunged() {
        fixture.given(registeredAgainAfter(expelled(ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION)))
                .when(applyAgain(ReadmissionGrounds.NONE))
                .expectNoEvents()
                .expectException(Violation.of("I25", "aLessSeriousConvictionStatesWhenItWasExpunged"));
    }

    @Test
    @DisplayName("I25: a re-admission is decided thirty-six months after the exit")
    void aReadmissionIsDecidedThirtySixMonthsAfterTheExit() {
        fixture.given(consentedReadmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M), ReadmissionGrounds.NONE))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT))
                .expectEvents(approvedOn(THIRTY_SIX_MONTHS_OUT));
    }

    @Test
    @DisplayName("I25: a re-admission is not decided before thirty-six months out of the Party")
    void aReadmissionIsNotDecidedBeforeThirtySixMonthsOutOfTheParty() {
        fixture.given(consentedReadmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M), ReadmissionGrounds.NONE))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I25", "readmissionComesAtLeastThirtySixMonthsAfterTheExit"));
    }

    @Test
    @DisplayName("I25: after a less-serious conviction a re-admission waits sixty months from the expungement")
    void afterALessSeriousConvictionAReadmissionWaitsSixtyMonthsFromTheExpungement() {
        ReadmissionGrounds expunged = new ReadmissionGrounds(null, null, LocalDate.of(2020, 2, 3), null);
        fixture.given(consentedReadmissionFile(expelled(ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION), expunged))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT))
                .expectNoEvents()
                .expectException(Violation.of("I25", "readmissionComesSixtyMonthsAfterTheConvictionWasExpunged"));
    }

    @Test
    @DisplayName("I25: sixty months after the expungement of a less-serious conviction a re-admission is decided")
    void sixtyMonthsAfterTheExpungementOfALessSeriousConvictionAReadmissionIsDecided() {
        ReadmissionGrounds expunged = new ReadmissionGrounds(null, null, LocalDate.of(2019, 9, 2), null);
        fixture.given(consentedReadmissionFile(expelled(ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION), expunged))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT))
                .expectEvents(approvedOn(THIRTY_SIX_MONTHS_OUT));
    }

    @Test
    @DisplayName("I25: a probationary member struck off the list counts as out of the Party from the decision")
    void aProbationaryMemberStruckOffTheListCountsAsOutOfThePartyFromTheDecision() {
        Object[] former = plus(probationary(),
                new ProbationaryMemberStruckOff("m1", BRANCH, LEFT.minusDays(1), AUTHORITY,
                        Sensitive.of("p1", "unfit")));
        fixture.given(consented(readmissionFile(former, ReadmissionGrounds.NONE)))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT.minusDays(1)))
                .expectEvents(approvedOn(THIRTY_SIX_MONTHS_OUT.minusDays(1)));
    }

    @Test
    @DisplayName("I7: a re-admission is decided on the day the province consented")
    void aReadmissionIsDecidedOnTheDayTheProvinceConsented() {
        fixture.given(consentedOn(readmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M), ReadmissionGrounds.NONE),
                        THIRTY_SIX_MONTHS_OUT))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT))
                .expectEvents(approvedOn(THIRTY_SIX_MONTHS_OUT));
    }

    @Test
    @DisplayName("I7: a re-admission decided the day before the province consented did not rest on the consent")
    void aReadmissionDecidedTheDayBeforeTheProvinceConsentedDidNotRestOnTheConsent() {
        fixture.given(consentedOn(readmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M), ReadmissionGrounds.NONE),
                        THIRTY_SIX_MONTHS_OUT.plusDays(1)))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT))
                .expectNoEvents()
                .expectException(Violation.of("I7", "readmissionNeedsTheProvincesConsent"));
    }

    @Test
    @DisplayName("I7: a re-admission is decided only with the province's written consent")
    void aReadmissionIsDecidedOnlyWithTheProvincesWrittenConsent() {
        fixture.given(readmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M), ReadmissionGrounds.NONE))
                .when(decideOn(THIRTY_SIX_MONTHS_OUT))
                .expectNoEvents()
                .expectException(Violation.of("I7", "readmissionNeedsTheProvincesConsent"));
    }

    @Test
    @DisplayName("I25: a re-admitted member goes through probation again, admitted as a re-admission")
    void aReadmittedMemberGoesThroughProbationAgainAdmittedAsAReadmission() {
        LocalDate ceremony = LocalDate.of(2024, 9, 20);
        fixture.given(plus(consentedReadmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M),
                        ReadmissionGrounds.NONE), approvedOn(THIRTY_SIX_MONTHS_OUT)))
                .when(new AdmitMember("m1", ceremony, null))
                .expectEvents(new MemberAdmitted("m1", "p1", BRANCH, ceremony, ceremony.plusMonths(12),
                        THIRTY_SIX_MONTHS_OUT, false, true, DECIDED))
                .expectState(member -> assertThat(member.status()).isEqualTo(MemberStatus.PROBATIONARY));
    }

    @Test
    @DisplayName("§7.1: a re-admitted member's party age counts from the first decision without the years out")
    void aReadmittedMembersPartyAgeCountsFromTheFirstDecisionWithoutTheYearsOut() {
        LocalDate ceremony = LocalDate.of(2024, 9, 20);
        fixture.given(plus(consentedReadmissionFile(struckOff(StrikeOffGround.NO_PROGRESS_12M),
                        ReadmissionGrounds.NONE), approvedOn(THIRTY_SIX_MONTHS_OUT)))
                .when(new AdmitMember("m1", ceremony, null))
                .expectState(member -> {
                    var partyAge = member.partyAge.partyAge().orElseThrow();
                    assertThat(partyAge.admissionDecisionDate()).isEqualTo(DECIDED);
                    // Fifteen months before the exit, then from the new decision on 6 Sep 2024.
                    assertThat(partyAge.fullYearsOn(LocalDate.of(2024, 12, 1))).isEqualTo(1);
                    assertThat(partyAge.fullYearsOn(LocalDate.of(2025, 9, 1))).isEqualTo(2);
                });
    }
}

package vn.partyledger.command.member;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealResolved;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.badge.PartyBadgeReissued;
import vn.partyledger.domain.badge.PartyBadgeReturned;
import vn.partyledger.domain.badge.ReclaimBadge;
import vn.partyledger.domain.badge.ReissueBadge;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.member.ViolationCategory;

import java.time.LocalDate;

/** Party badges (I24) on the Member's badges entity, with party age counted by its party-age entity. */
class PartyBadgeTest {

    private static final String PROVINCE = "hcmc-standing";
    private static final LocalDate FEB_3_2025 = LocalDate.of(2025, 2, 3);

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(BadgePolicy.DEFAULTS);
        fixture.registerInjectableResource(DisciplinePolicy.DEFAULTS);
    }

    /** A member whose admission was decided on {@code decided}, then recognised as a full member. */
    private static Object[] fullMemberDecidedOn(LocalDate decided) {
        return new Object[]{
                new OutstandingCandidateRegistered("m1", "p1", "kp1", Sensitive.of("p1", CandidateSource.RESIDENT),
                        null,
                        decided.minusMonths(6)),
                new AdmissionApproved("m1", decided, "district-8", decided.plusDays(2)),
                new MemberAdmitted("m1", "p1", "kp1", decided.plusDays(14), decided.plusDays(14).plusYears(1),
                        decided, false),
                new FullMembershipRecognized("m1", "kp1", decided.plusYears(1).plusDays(30),
                        decided.plusDays(14).plusYears(1), "district-8", false)};
    }

    /** The award decided ten days before the occasion; {@code confirmation} is the branch's, for a disciplined one. */
    private static AwardPartyBadge award(int level, LocalDate occasion, boolean seriousIllness, boolean posthumous,
                                         String confirmation) {
        return new AwardPartyBadge("m1", level, "HH-" + level + "-0417", occasion, null, seriousIllness, posthumous,
                confirmation, new DecisionRef("512-QĐ/TU", occasion.minusDays(10), PROVINCE));
    }

    private static AwardPartyBadge award(int level, LocalDate occasion) {
        return award(level, occasion, false, false, null);
    }

    /** The award of {@code level} for {@code occasion}, decided on {@code decidedOn}. */
    private static AwardPartyBadge decidedOn(LocalDate decidedOn, int level, LocalDate occasion) {
        return new AwardPartyBadge("m1", level, "HH-" + level + "-0417", occasion, null, false, false, null,
                new DecisionRef("512-QĐ/TU", decidedOn, PROVINCE));
    }

    private static AwardPartyBadge earlyForIllness(int level, LocalDate occasion) {
        return award(level, occasion, true, false, null);
    }

    private static AwardPartyBadge posthumous(int level, LocalDate occasion) {
        return award(level, occasion, false, true, null);
    }

    private static MemberDeceased diedOn(LocalDate date) {
        return new MemberDeceased("m1", "kp1", date);
    }

    private static DisciplineImposed disciplined(DisciplineForm form, LocalDate effective) {
        return new DisciplineImposed("m1", form, "kp1", "kp1", effective,
                Sensitive.of("p1", ViolationCategory.NOT_RECORDED));
    }

    private static PartyBadgeAwarded awarded(int level, LocalDate occasion, boolean early, boolean posthumous) {
        return new PartyBadgeAwarded("m1", level, "HH-" + level + "-0417", occasion, Sensitive.of("p1", early),
                posthumous, PROVINCE);
    }

    @Test
    @DisplayName("I24: a full member with thirty years of party age is awarded the 30-year badge on 3 February")
    void aFullMemberWithThirtyYearsIsAwardedTheThirtyYearBadgeOnTheThirdOfFebruary() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(award(30, FEB_3_2025))
                .expectEvents(awarded(30, FEB_3_2025, false, false));
    }

    @Test
    @DisplayName("I24: a fully exempt member remains eligible for a badge")
    void aFullyExemptMemberRemainsEligibleForABadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1975, 2, 3)))
                .andGiven(new ExemptionGranted("m1", ExemptionKind.FULL,
                        Sensitive.of("p1", ExemptionReason.ADVANCED_AGE_POOR_HEALTH),
                        LocalDate.of(2020, 1, 6), null, "kp1", "don-3"))
                .when(award(50, FEB_3_2025))
                .expectEvents(awarded(50, FEB_3_2025, false, false));
    }

    @Test
    @DisplayName("I24: a probationary member is not awarded a badge")
    void aProbationaryMemberIsNotAwardedABadge() {
        Object[] history = fullMemberDecidedOn(LocalDate.of(1995, 2, 3));
        fixture.given(history[0], history[1], history[2])
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "badgeIsAwardedToAFullMember"));
    }

    @Test
    @DisplayName("I24: there is no 35-year badge")
    void thereIsNoThirtyFiveYearBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1990, 2, 3)))
                .when(award(35, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "levelIsABadgeLevel"));
    }

    @Test
    @DisplayName("I24: each badge level is awarded once")
    void eachBadgeLevelIsAwardedOnce() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false))
                .when(award(30, LocalDate.of(2025, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "eachLevelIsAwardedOnce"));
    }

    @Test
    @DisplayName("I24: a badge is decided six months before its occasion")
    void aBadgeIsDecidedSixMonthsBeforeItsOccasion() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(decidedOn(FEB_3_2025.minusMonths(6), 30, FEB_3_2025))
                .expectEvents(awarded(30, FEB_3_2025, false, false));
    }

    @Test
    @DisplayName("I24: a badge is not decided six months and a day before its occasion")
    void aBadgeIsNotDecidedSixMonthsAndADayBeforeItsOccasion() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(decidedOn(FEB_3_2025.minusMonths(6).minusDays(1), 30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion"));
    }

    @Test
    @DisplayName("I24: a badge decided today is not for an occasion decades ahead")
    void aBadgeDecidedTodayIsNotForAnOccasionDecadesAhead() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(decidedOn(FixedToday.DATE, 60, LocalDate.of(2055, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a badge decided today is for its coming occasion, a planned date")
    void aBadgeDecidedTodayIsForItsComingOccasion() {
        LocalDate nextFeb3 = LocalDate.of(FixedToday.DATE.getYear() + 1, 2, 3);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(decidedOn(FixedToday.DATE, 30, nextFeb3))
                .expectEvents(awarded(30, nextFeb3, false, false));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: a badge decision dated tomorrow is not recorded")
    void aBadgeDecisionDatedTomorrowIsNotRecorded() {
        LocalDate nextFeb3 = LocalDate.of(FixedToday.DATE.getYear() + 1, 2, 3);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(decidedOn(FixedToday.DATE.plusDays(1), 30, nextFeb3))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("I24: a badge is not presented on a day that is neither an anniversary nor a decided occasion")
    void aBadgeIsNotPresentedOnADayThatIsNeitherAnAnniversaryNorADecidedOccasion() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(award(30, LocalDate.of(2025, 3, 26)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "occasionIsAnAnniversaryOrADecidedSpecialOccasion"));
    }

    @Test
    @DisplayName("I24: the provincial standing committee may decide another occasion for the award")
    void theProvincialStandingCommitteeMayDecideAnotherOccasion() {
        LocalDate founding = LocalDate.of(2025, 3, 26);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(new AwardPartyBadge("m1", 30, "HH-30-0417", founding, "77-QĐ/TU", false, false, null,
                        new DecisionRef("512-QĐ/TU", founding.minusDays(10), PROVINCE)))
                .expectEvents(awarded(30, founding, false, false));
    }

    @Test
    @DisplayName("I24: a member short of thirty years of party age on the occasion is not awarded the 30-year badge")
    void aMemberShortOfThirtyYearsIsNotAwardedTheThirtyYearBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(award(30, LocalDate.of(2024, 11, 7)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: a seriously ill member may receive the 30-year badge up to 12 months early")
    void aSeriouslyIllMemberMayReceiveTheThirtyYearBadgeUpToTwelveMonthsEarly() {
        LocalDate occasion = LocalDate.of(2024, 2, 3);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(earlyForIllness(30, occasion))
                .expectEvents(awarded(30, occasion, true, false));
    }

    @Test
    @DisplayName("I24: a seriously ill member does not receive the 30-year badge more than 12 months early")
    void aSeriouslyIllMemberDoesNotReceiveTheThirtyYearBadgeMoreThanTwelveMonthsEarly() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(earlyForIllness(30, LocalDate.of(2023, 11, 7)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: a seriously ill member may receive the 70-year badge up to 24 months early")
    void aSeriouslyIllMemberMayReceiveTheSeventyYearBadgeUpToTwentyFourMonthsEarly() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1957, 2, 3)))
                .when(earlyForIllness(70, FEB_3_2025))
                .expectEvents(awarded(70, FEB_3_2025, true, false));
    }

    @Test
    @DisplayName("I24: a member who died eight months before reaching the level is awarded the badge posthumously")
    void aMemberWhoDiedMonthsBeforeReachingTheLevelIsAwardedTheBadgePosthumously() {
        LocalDate occasion = LocalDate.of(2024, 9, 2);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1955, 2, 3)))
                .andGiven(diedOn(LocalDate.of(2024, 6, 1)))
                .when(posthumous(70, occasion))
                .expectEvents(awarded(70, occasion, true, true));
    }

    @Test
    @DisplayName("I24: a member who died more than 12 months before reaching the level is not awarded it posthumously")
    void aMemberWhoDiedMoreThanTwelveMonthsBeforeReachingTheLevelIsNotAwardedItPosthumously() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1955, 2, 3)))
                .andGiven(diedOn(LocalDate.of(2023, 12, 1)))
                .when(posthumous(70, LocalDate.of(2024, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel"));
    }

    @Test
    @DisplayName("I24: a posthumous award counts the party age up to the death, not up to the occasion")
    void aPosthumousAwardCountsThePartyAgeUpToTheDeath() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1955, 2, 3)))
                .andGiven(diedOn(LocalDate.of(2023, 12, 1)))
                .when(posthumous(70, LocalDate.of(2025, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel"));
    }

    @Test
    @DisplayName("I30: a posthumous award counts to the corrected date of death, not the mistyped one")
    void aPosthumousAwardCountsToTheCorrectedDateOfDeath() {
        LocalDate occasion = LocalDate.of(2024, 9, 2);
        TestExecutor<Member> died = fixture.given(fullMemberDecidedOn(LocalDate.of(1955, 2, 3)))
                .andGiven(diedOn(LocalDate.of(2023, 12, 1)));
        String deathEntry = fixture.getEventStore().readEvents("m1").asStream()
                .filter(event -> event.getPayload() instanceof MemberDeceased)
                .map(DomainEventMessage::getIdentifier)
                .findFirst().orElseThrow();

        died.andGiven(new EntryDateCorrected("m1", deathEntry, EntryType.MEMBER_DECEASED, "kp1",
                        LocalDate.of(2023, 12, 1), LocalDate.of(2024, 6, 1), CorrectionReason.WRONG_DATE,
                        "district-8", LocalDate.of(2024, 8, 1)))
                .when(posthumous(70, occasion))
                .expectEvents(awarded(70, occasion, true, true));
    }

    @Test
    @DisplayName("I24: a living member is not awarded a badge posthumously")
    void aLivingMemberIsNotAwardedABadgePosthumously() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1955, 2, 3)))
                .when(posthumous(70, LocalDate.of(2024, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aPosthumousBadgeIsForAMemberWhoDiedAFullMember"));
    }

    @Test
    @DisplayName("I24: a member who died in probation is not awarded a badge posthumously")
    void aMemberWhoDiedInProbationIsNotAwardedABadgePosthumously() {
        Object[] history = fullMemberDecidedOn(LocalDate.of(1955, 2, 3));
        fixture.given(history[0], history[1], history[2])
                .andGiven(diedOn(LocalDate.of(1955, 9, 1)))
                .when(posthumous(70, LocalDate.of(2024, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aPosthumousBadgeIsForAMemberWhoDiedAFullMember"));
    }

    @Test
    @DisplayName("I29: a deceased member is awarded a badge only posthumously")
    void aDeceasedMemberIsAwardedABadgeOnlyPosthumously() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1955, 2, 3)))
                .andGiven(diedOn(LocalDate.of(2024, 6, 1)))
                .when(award(70, LocalDate.of(2025, 2, 3)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: a deceased member's badge is not reissued by the ledger")
    void aDeceasedMembersBadgeIsNotReissued() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false), diedOn(LocalDate.of(2025, 6, 1)))
                .when(new ReissueBadge("m1", 30, "HH-30-9001", "lost",
                        new DecisionRef("90-QĐ/TU", LocalDate.of(2025, 10, 1), PROVINCE)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I24: a member reprimanded less than 6 months before the award decision is not considered")
    void aMemberReprimandedLessThanSixMonthsBeforeIsNotConsidered() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.REPRIMAND, LocalDate.of(2024, 9, 1)))
                .when(award(30, FEB_3_2025, false, false, "XN-12/CB"))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aDisciplinedMemberIsNotConsideredWithinTheDeferral"));
    }

    @Test
    @DisplayName("I24: a member reprimanded over 6 months before is considered once the branch confirms the correction")
    void aMemberReprimandedOverSixMonthsBeforeIsConsideredOnceTheBranchConfirms() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.REPRIMAND, LocalDate.of(2024, 6, 1)))
                .when(award(30, FEB_3_2025, false, false, "XN-12/CB"))
                .expectEvents(awarded(30, FEB_3_2025, false, false));
    }

    @Test
    @DisplayName("I24: while a reprimand applies the member is not considered without the branch's confirmation")
    void whileAReprimandAppliesTheMemberIsNotConsideredWithoutTheBranchsConfirmation() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.REPRIMAND, LocalDate.of(2024, 6, 1)))
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24",
                        "aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection"));
    }

    @Test
    @DisplayName("I24: a member warned less than 9 months before the award decision is not considered")
    void aMemberWarnedLessThanNineMonthsBeforeIsNotConsidered() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.WARNING, LocalDate.of(2024, 5, 1)))
                .when(award(30, FEB_3_2025, false, false, "XN-12/CB"))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aDisciplinedMemberIsNotConsideredWithinTheDeferral"));
    }

    @Test
    @DisplayName("I24: a member dismissed from a post less than 12 months before the award decision is not considered")
    void aMemberDismissedLessThanTwelveMonthsBeforeIsNotConsidered() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.DISMISSAL, LocalDate.of(2024, 3, 1)))
                .when(award(30, FEB_3_2025, false, false, "XN-12/CB"))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aDisciplinedMemberIsNotConsideredWithinTheDeferral"));
    }

    @Test
    @DisplayName("I24: a discipline whose 12 months of effect are over no longer defers the badge")
    void aDisciplineWhoseEffectIsOverNoLongerDefersTheBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.WARNING, LocalDate.of(2023, 12, 1)))
                .when(award(30, FEB_3_2025))
                .expectEvents(awarded(30, FEB_3_2025, false, false));
    }

    @Test
    @DisplayName("I24: a discipline annulled on appeal does not defer the badge")
    void aDisciplineAnnulledOnAppealDoesNotDeferTheBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.WARNING, LocalDate.of(2024, 11, 1)),
                        new AppealResolved("m1", AppealSubject.DISCIPLINE, AppealOutcome.ANNULLED, "district-8",
                                LocalDate.of(2024, 12, 20)))
                .when(award(30, FEB_3_2025))
                .expectEvents(awarded(30, FEB_3_2025, false, false));
    }

    @Test
    @DisplayName("I24: a discipline upheld on appeal still defers the badge")
    void aDisciplineUpheldOnAppealStillDefersTheBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.WARNING, LocalDate.of(2024, 11, 1)),
                        new AppealResolved("m1", AppealSubject.DISCIPLINE, AppealOutcome.UPHELD, "district-8",
                                LocalDate.of(2024, 12, 20)))
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aDisciplinedMemberIsNotConsideredWithinTheDeferral"));
    }

    @Test
    @DisplayName("I24: a re-admitted member counts from the first admission, less the time struck off")
    void aReadmittedMemberCountsFromTheFirstAdmissionLessTheTimeStruckOff() {
        fixture.given(readmittedAfterTwoYearsAway())
                .when(award(30, LocalDate.of(2022, 2, 3)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: a re-admitted member receives the badge once the years outside the party are made up")
    void aReadmittedMemberReceivesTheBadgeOnceTheYearsOutsideThePartyAreMadeUp() {
        LocalDate occasion = LocalDate.of(2022, 5, 19);
        fixture.given(readmittedAfterTwoYearsAway())
                .when(award(30, occasion))
                .expectEvents(awarded(30, occasion, false, false));
    }

    /** Decided 3 Feb 1990, out from 3 Feb 1996 to the new decision of 3 Feb 2003: 28 years by 3 Feb 2025. */
    @Test
    @DisplayName("I24: the years a full member spent struck off do not count towards the badge")
    void theYearsAFullMemberSpentStruckOffDoNotCountTowardsTheBadge() {
        Object[] first = fullMemberDecidedOn(LocalDate.of(1990, 2, 3));
        Object[] second = fullMemberDecidedOn(LocalDate.of(2003, 2, 3));
        fixture.given(first)
                .andGiven(new MemberStruckOff("m1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "district-8",
                        LocalDate.of(1996, 2, 3)))
                .andGiven(second[0], second[1], second[2], second[3])
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: the years a member spent expelled do not count towards the badge")
    void theYearsAMemberSpentExpelledDoNotCountTowardsTheBadge() {
        Object[] first = fullMemberDecidedOn(LocalDate.of(1990, 2, 3));
        Object[] second = fullMemberDecidedOn(LocalDate.of(2003, 2, 3));
        fixture.given(first)
                .andGiven(new DisciplineImposed("m1", DisciplineForm.EXPULSION, "kp1", "district-8",
                        LocalDate.of(1996, 2, 3), Sensitive.of("p1", ViolationCategory.NOT_RECORDED)))
                .andGiven(second[0], second[1], second[2], second[3])
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: a member restored after a wrongful strike-off keeps a continuous party age")
    void aMemberRestoredAfterAWrongfulStrikeOffKeepsAContinuousPartyAge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(new MemberStruckOff("m1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "district-8",
                                LocalDate.of(2010, 3, 1)),
                        new MembershipRestored("m1", "kp1", MemberStatus.FULL, true, "district-8",
                                LocalDate.of(2013, 3, 1)))
                .when(award(30, FEB_3_2025))
                .expectEvents(awarded(30, FEB_3_2025, false, false));
    }

    /** First decided 3 Feb 1990, struck off 3 Feb 1991, re-admitted by decision of 3 Feb 1993: 731 days away. */
    private static Object[] readmittedAfterTwoYearsAway() {
        Object[] first = fullMemberDecidedOn(LocalDate.of(1990, 2, 3));
        Object[] second = fullMemberDecidedOn(LocalDate.of(1993, 2, 3));
        return new Object[]{first[0], first[1], first[2],
                new ProbationaryMemberStruckOff("m1", "kp1", LocalDate.of(1991, 2, 3), "district-8",
                        Sensitive.of("p1", "meetings")),
                second[0], second[1], second[2], second[3]};
    }

    @Test
    @DisplayName("BADGE_NOT_AWARDED, BADGE_REISSUE_REASON: a lost badge is reissued under a new number for a good reason")
    void aLostBadgeIsReissuedUnderANewNumberForAGoodReason() {
        DecisionRef decision = new DecisionRef("90-QĐ/TU", LocalDate.of(2025, 10, 1), PROVINCE);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false))
                .when(new ReissueBadge("m1", 30, "HH-30-9001", "lost in the 2025 flood", decision))
                .expectEvents(new PartyBadgeReissued("m1", 30, "HH-30-0417", "HH-30-9001",
                        Sensitive.of("p1", "lost in the 2025 flood"),
                        decision.docDate(), PROVINCE));
    }

    @Test
    @DisplayName("a badge that was never awarded is not reissued")
    void aBadgeThatWasNeverAwardedIsNotReissued() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .when(new ReissueBadge("m1", 30, "HH-30-9001", "lost",
                        new DecisionRef("90-QĐ/TU", LocalDate.of(2025, 10, 1), PROVINCE)))
                .expectNoEvents()
                .expectException(Violation.of("BADGE_NOT_AWARDED", "onlyAnAwardedBadgeIsReissued"));
    }

    @Test
    @DisplayName("a badge is not reissued without a stated reason")
    void aBadgeIsNotReissuedWithoutAStatedReason() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false))
                .when(new ReissueBadge("m1", 30, "HH-30-9001", " ",
                        new DecisionRef("90-QĐ/TU", LocalDate.of(2025, 10, 1), PROVINCE)))
                .expectNoEvents()
                .expectException(Violation.of("BADGE_REISSUE_REASON", "aBadgeIsReissuedForAGoodReason"));
    }

    private static final LocalDate LOST = LocalDate.of(2010, 3, 1);
    private static final MemberLostContact LOST_CONTACT = new MemberLostContact("m1", "kp1", LOST, "kp1");
    /** 92 days out of contact, so the 30-year level of a 3 Feb 1995 decision moves to 6 May 2025. */
    private static final MemberContactRestored BACK_IN_CONTACT = new MemberContactRestored("m1", "kp1", LOST,
            LocalDate.of(2010, 6, 1), "kp1");

    @Test
    @DisplayName("I24: the time a member was out of contact delays the badge past the anniversary it was due on")
    void theTimeAMemberWasOutOfContactDelaysTheBadgePastTheAnniversaryItWasDueOn() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(LOST_CONTACT, BACK_IN_CONTACT)
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: after a gap of lost contact the badge is awarded on the next occasion past the delayed level")
    void afterAGapOfLostContactTheBadgeIsAwardedOnTheNextOccasionPastTheDelayedLevel() {
        LocalDate may19 = LocalDate.of(2025, 5, 19);
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(LOST_CONTACT, BACK_IN_CONTACT)
                .when(award(30, may19))
                .expectEvents(awarded(30, may19, false, false));
    }

    @Test
    @DisplayName("I24: a member still out of contact does not reach a level that falls after the loss")
    void aMemberStillOutOfContactDoesNotReachALevelThatFallsAfterTheLoss() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(LOST_CONTACT)
                .when(award(30, LocalDate.of(2026, 9, 2)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: the time out of contact before an annulled strike-off stays subtracted after the restoration")
    void theTimeOutOfContactBeforeAnAnnulledStrikeOffStaysSubtractedAfterTheRestoration() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(LOST_CONTACT,
                        new MemberStruckOff("m1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "district-8",
                                BACK_IN_CONTACT.to()),
                        new MembershipRestored("m1", "kp1", MemberStatus.FULL, true, "district-8",
                                LocalDate.of(2013, 3, 1)))
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("I24: the days a transfer letter was presented late delay the badge")
    void theDaysATransferLetterWasPresentedLateDelayTheBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(new TransferPresentedLate("m1", "t1", LOST, LOST.plusDays(10)))
                .when(award(30, FEB_3_2025))
                .expectNoEvents()
                .expectException(Violation.of("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance"));
    }

    @Test
    @DisplayName("BADGE_RETURN, BADGE_NOT_AWARDED: an expelled member hands the badge back")
    void anExpelledMemberHandsTheBadgeBack() {
        DecisionRef decision = new DecisionRef("95-QĐ/QU", LocalDate.of(2025, 10, 1), "district-8");
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false),
                        disciplined(DisciplineForm.EXPULSION, LocalDate.of(2025, 9, 1)))
                .when(new ReclaimBadge("m1", 30, LocalDate.of(2025, 10, 6), decision))
                .expectEvents(new PartyBadgeReturned("m1", 30, "HH-30-0417", LocalDate.of(2025, 10, 6),
                        "district-8"));
    }

    @Test
    @DisplayName("a member who was not expelled keeps the badge")
    void aMemberWhoWasNotExpelledKeepsTheBadge() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false))
                .when(new ReclaimBadge("m1", 30, LocalDate.of(2025, 10, 6),
                        new DecisionRef("95-QĐ/QU", LocalDate.of(2025, 10, 1), "district-8")))
                .expectNoEvents()
                .expectException(Violation.of("BADGE_RETURN", "onlyAnExpelledMemberHandsABadgeBack"));
    }

    @Test
    @DisplayName("an expelled member hands back only a badge they hold")
    void anExpelledMemberHandsBackOnlyABadgeTheyHold() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(disciplined(DisciplineForm.EXPULSION, LocalDate.of(2025, 9, 1)))
                .when(new ReclaimBadge("m1", 30, LocalDate.of(2025, 10, 6),
                        new DecisionRef("95-QĐ/QU", LocalDate.of(2025, 10, 1), "district-8")))
                .expectNoEvents()
                .expectException(Violation.of("BADGE_NOT_AWARDED", "onlyAHeldBadgeIsHandedBack"));
    }

    @Test
    @DisplayName("a badge handed back is not awarded again at the same level")
    void aBadgeHandedBackIsNotAwardedAgainAtTheSameLevel() {
        fixture.given(fullMemberDecidedOn(LocalDate.of(1995, 2, 3)))
                .andGiven(awarded(30, FEB_3_2025, false, false),
                        new PartyBadgeReturned("m1", 30, "HH-30-0417", LocalDate.of(2025, 10, 6), "district-8"))
                .when(award(30, LocalDate.of(2025, 11, 7)))
                .expectNoEvents()
                .expectException(Violation.of("I24", "eachLevelIsAwardedOnce"));
    }
}

package vn.partyledger.command.member;

import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks before a party badge is awarded (I24), each on its own, without an aggregate. */
class BadgeAwardPolicyTest {

    private static final LocalDate FEB_3_2025 = LocalDate.of(2025, 2, 3);
    private static final BadgeAwardPolicy POLICY = new BadgeAwardPolicy(BadgePolicy.DEFAULTS);

    /** A living full member, admitted thirty years before the 3 February 2025 occasion; each test changes one fact. */
    private static final class Given {
        int level = 30;
        LocalDate occasion = FEB_3_2025;
        String specialOccasionRef;
        boolean seriousIllness;
        boolean posthumous;
        String correctionConfirmationRef;
        LocalDate decidedOn = LocalDate.of(2025, 1, 20);
        MemberStatus status = MemberStatus.FULL;
        MemberStatus statusAtDeath;
        LocalDate dateOfDeath;
        Set<Integer> awardedLevels = new HashSet<>();
        LocalDate admittedOn = LocalDate.of(1995, 2, 3);
        List<DisciplineInEffect> disciplines = new ArrayList<>();

        Given diedOn(LocalDate died, MemberStatus inStatus) {
            posthumous = true;
            status = MemberStatus.DECEASED;
            statusAtDeath = inStatus;
            dateOfDeath = died;
            return this;
        }

        BadgeAwardPolicy.Facts facts() {
            AwardPartyBadge award = new AwardPartyBadge("m-1", level, "B-1", occasion, specialOccasionRef,
                    seriousIllness, posthumous, correctionConfirmationRef,
                    new DecisionRef("QD-1", decidedOn, "hcmc-standing"));
            return new BadgeAwardPolicy.Facts(award, status, statusAtDeath, dateOfDeath, awardedLevels,
                    Optional.of(new PartyAge(admittedOn, List.of())), disciplines);
        }
    }

    private static DisciplineInEffect reprimandOn(LocalDate effective) {
        return new DisciplineInEffect(DisciplineForm.REPRIMAND, effective);
    }

    private static void refuses(Optional<RuleViolation> refusal, String rule) {
        assertThat(refusal).isPresent();
        MatcherAssert.assertThat(refusal.get(), Violation.of("I24", rule));
    }

    @Test
    @DisplayName("I24: a full member thirty years in the party on an anniversary passes every check")
    void anEligibleAwardPasses() {
        assertThat(POLICY.firstRefusal(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: a badge is awarded to a full member")
    void awardedToAFullMember() {
        assertThat(POLICY.badgeIsAwardedToAFullMember(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: a badge is not awarded to a probationary member")
    void notToAProbationaryMember() {
        Given given = new Given();
        given.status = MemberStatus.PROBATIONARY;
        Optional<RuleViolation> refusal = POLICY.badgeIsAwardedToAFullMember(given.facts());
        refuses(refusal, "badgeIsAwardedToAFullMember");
        assertThat(refusal.get()).hasMessage(
                "A party badge is awarded to a full member (exempt or not); this record is PROBATIONARY.");
    }

    @Test
    @DisplayName("I24: a posthumous badge is for a member who died a full member")
    void posthumousForAMemberWhoDiedFull() {
        Given given = new Given().diedOn(LocalDate.of(2025, 1, 2), MemberStatus.FULL);
        assertThat(POLICY.aPosthumousBadgeIsForAMemberWhoDiedAFullMember(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: a posthumous badge is not for a member who died a probationary member, nor for one alive")
    void posthumousNotForOthers() {
        Given diedProbationary = new Given().diedOn(LocalDate.of(2025, 1, 2), MemberStatus.PROBATIONARY);
        Optional<RuleViolation> refusal = POLICY.aPosthumousBadgeIsForAMemberWhoDiedAFullMember(diedProbationary.facts());
        refuses(refusal, "aPosthumousBadgeIsForAMemberWhoDiedAFullMember");
        assertThat(refusal.get().getMessage()).endsWith("this record is of a member who died PROBATIONARY.");
        Given alive = new Given();
        alive.posthumous = true;
        refuses(POLICY.firstRefusal(alive.facts()), "aPosthumousBadgeIsForAMemberWhoDiedAFullMember");
    }

    @Test
    @DisplayName("I24: thirty years is a badge level")
    void aBadgeLevel() {
        assertThat(POLICY.levelIsABadgeLevel(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: thirty-five years is no badge level")
    void notABadgeLevel() {
        Given given = new Given();
        given.level = 35;
        refuses(POLICY.levelIsABadgeLevel(given.facts()), "levelIsABadgeLevel");
    }

    @Test
    @DisplayName("I24: a level not yet awarded may be awarded")
    void aLevelNotYetAwarded() {
        Given given = new Given();
        given.awardedLevels = Set.of(30);
        given.level = 40;
        assertThat(POLICY.eachLevelIsAwardedOnce(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: each level is awarded once")
    void eachLevelOnce() {
        Given given = new Given();
        given.awardedLevels = Set.of(30);
        refuses(POLICY.eachLevelIsAwardedOnce(given.facts()), "eachLevelIsAwardedOnce");
    }

    @Test
    @DisplayName("I24: an anniversary, or another occasion the province decided, is an occasion for badges")
    void anOccasion() {
        assertThat(POLICY.occasionIsAnAnniversaryOrADecidedSpecialOccasion(new Given().facts())).isEmpty();
        Given special = new Given();
        special.occasion = LocalDate.of(2025, 3, 1);
        special.specialOccasionRef = "QD-special";
        assertThat(POLICY.occasionIsAnAnniversaryOrADecidedSpecialOccasion(special.facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: a day that is neither an anniversary nor a decided occasion is no occasion for badges")
    void notAnOccasion() {
        Given given = new Given();
        given.occasion = LocalDate.of(2025, 3, 1);
        refuses(POLICY.occasionIsAnAnniversaryOrADecidedSpecialOccasion(given.facts()),
                "occasionIsAnAnniversaryOrADecidedSpecialOccasion");
    }

    @Test
    @DisplayName("I24: a badge is decided as early as six months before its occasion")
    void decidedSixMonthsAhead() {
        Given given = new Given();
        given.decidedOn = FEB_3_2025.minusMonths(6);
        assertThat(POLICY.aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: a badge decided six months and a day before its occasion is decided too early")
    void decidedTooEarly() {
        Given given = new Given();
        given.decidedOn = FEB_3_2025.minusMonths(6).minusDays(1);
        Optional<RuleViolation> refusal = POLICY.aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion(given.facts());
        refuses(refusal, "aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion");
        assertThat(refusal.get()).hasMessage("A badge for the occasion of 2025-02-03 is decided at most 6 months "
                + "before it, from 2024-08-03; this decision is dated 2024-08-02.");
    }

    @Test
    @DisplayName("I24: party age reaches the level by the occasion, or within the early allowance for serious illness")
    void partyAgeReached() {
        assertThat(POLICY.partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(new Given().facts()))
                .isEmpty();
        Given ill = new Given();
        ill.admittedOn = LocalDate.of(1996, 2, 3);
        ill.seriousIllness = true;
        assertThat(POLICY.partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(ill.facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: party age a day short of the level on the occasion, without an early ground, is not enough")
    void partyAgeShort() {
        Given given = new Given();
        given.admittedOn = LocalDate.of(1995, 2, 4);
        Optional<RuleViolation> refusal =
                POLICY.partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(given.facts());
        refuses(refusal, "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance");
        assertThat(refusal.get().getMessage())
                .endsWith("the member has 29 full years and reaches the level on 2025-02-04.");
    }

    @Test
    @DisplayName("I24: a member who died at most twelve months before reaching the level is awarded posthumously")
    void diedWithinTheAllowance() {
        Given given = new Given().diedOn(LocalDate.of(2024, 2, 3), MemberStatus.FULL);
        assertThat(POLICY.theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I24: a member who died more than twelve months before reaching the level is not awarded posthumously")
    void diedTooEarly() {
        Given given = new Given().diedOn(LocalDate.of(2024, 2, 2), MemberStatus.FULL);
        refuses(POLICY.theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel(given.facts()),
                "theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel");
    }

    @Test
    @DisplayName("I24: a reprimanded member is considered once the six-month deferral has run")
    void afterTheDeferral() {
        Given given = new Given();
        given.decidedOn = LocalDate.of(2025, 1, 20);
        assertThat(POLICY.aDisciplinedMemberIsNotConsideredWithinTheDeferral(given.facts(),
                reprimandOn(LocalDate.of(2024, 7, 20)))).isEmpty();
    }

    @Test
    @DisplayName("I24: a reprimanded member is not considered within the six-month deferral")
    void withinTheDeferral() {
        Given given = new Given();
        given.decidedOn = LocalDate.of(2025, 1, 20);
        refuses(POLICY.aDisciplinedMemberIsNotConsideredWithinTheDeferral(given.facts(),
                reprimandOn(LocalDate.of(2024, 7, 21))), "aDisciplinedMemberIsNotConsideredWithinTheDeferral");
    }

    @Test
    @DisplayName("I24: a disciplined member is considered on the branch's confirmation that the fault was corrected")
    void withTheBranchsConfirmation() {
        Given given = new Given();
        given.correctionConfirmationRef = "NQ-7";
        assertThat(BadgeAwardPolicy.aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection(given.facts(),
                reprimandOn(LocalDate.of(2024, 7, 1)))).isEmpty();
    }

    @Test
    @DisplayName("I24: a disciplined member is not considered without the branch's confirmation of correction")
    void withoutTheBranchsConfirmation() {
        refuses(BadgeAwardPolicy.aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection(new Given().facts(),
                reprimandOn(LocalDate.of(2024, 7, 1))), "aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection");
    }

    @Test
    @DisplayName("I24: each discipline in effect is checked in turn, oldest first, both checks before the next")
    void disciplinesInTurn() {
        Given given = new Given();
        given.disciplines = List.of(reprimandOn(LocalDate.of(2024, 7, 1)), reprimandOn(LocalDate.of(2024, 12, 1)));
        refuses(POLICY.firstRefusal(given.facts()),
                "aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection");
        given.correctionConfirmationRef = "NQ-7";
        RuleViolation thrown = org.junit.jupiter.api.Assertions.assertThrows(RuleViolation.class,
                () -> POLICY.enforce(given.facts()));
        MatcherAssert.assertThat(thrown, Violation.of("I24", "aDisciplinedMemberIsNotConsideredWithinTheDeferral"));
    }
}

package vn.partyledger.command.member;

import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks before a party badge is awarded (docs/rules.md#I24): to whom, which level, on what occasion, on how much
 * party age, and after which discipline. Each check is a method returning its refusal or nothing; the constructor lists
 * them in the order they are made, so the first refusal is the one thrown. The numbers come from {@link BadgePolicy}.
 */
final class BadgeAwardPolicy {

    /**
     * What the checks read: the award asked for, and the member's record as it stands.
     *
     * @param statusAtDeath       the status the member died in; null while alive
     * @param dateOfDeath         null while alive
     * @param awardedLevels       every level ever awarded, even if the badge was handed back
     * @param disciplinesInEffect the milder disciplines still in effect on the decision date, oldest first
     */
    record Facts(AwardPartyBadge award,
                 MemberStatus status,
                 MemberStatus statusAtDeath,
                 LocalDate dateOfDeath,
                 Set<Integer> awardedLevels,
                 Optional<PartyAge> partyAge,
                 List<DisciplineInEffect> disciplinesInEffect) {

        /** The day the party age reaches the level asked for; {@link LocalDate#MAX} when it never does. */
        LocalDate levelReachedOn() {
            return partyAge.flatMap(age -> age.reachesYearsOn(award.level())).orElse(LocalDate.MAX);
        }

        int fullYearsOn(LocalDate date) {
            return partyAge.map(age -> age.fullYearsOn(date)).orElse(0);
        }
    }

    /** A check made once for each discipline in effect. */
    @FunctionalInterface
    interface DisciplineCheck {
        Optional<RuleViolation> refusal(Facts facts, DisciplineInEffect discipline);
    }

    private final BadgePolicy numbers;
    private final List<RuleCheck<Facts>> checks;

    BadgeAwardPolicy(BadgePolicy numbers) {
        this.numbers = numbers;
        this.checks = List.of(
                RuleCheck.either(BadgeAwardPolicy::posthumous,
                        this::aPosthumousBadgeIsForAMemberWhoDiedAFullMember,
                        this::badgeIsAwardedToAFullMember),
                this::levelIsABadgeLevel,
                this::eachLevelIsAwardedOnce,
                this::occasionIsAnAnniversaryOrADecidedSpecialOccasion,
                this::aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion,
                RuleCheck.either(BadgeAwardPolicy::posthumous,
                        this::theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel,
                        this::partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance),
                forEachDisciplineInEffect(
                        this::aDisciplinedMemberIsNotConsideredWithinTheDeferral,
                        BadgeAwardPolicy::aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection));
    }

    /** The first refusal, in the order of the list, or nothing when the badge may be awarded. */
    Optional<RuleViolation> firstRefusal(Facts facts) {
        return RuleCheck.firstRefusal(checks, facts);
    }

    /** Throws the first refusal, if any. */
    void enforce(Facts facts) {
        RuleCheck.enforce(checks, facts);
    }

    private static boolean posthumous(Facts facts) {
        return facts.award().posthumous();
    }

    /** Each discipline in turn, oldest first: all of {@code perDiscipline} for one before the next. */
    private static RuleCheck<Facts> forEachDisciplineInEffect(DisciplineCheck... perDiscipline) {
        return facts -> {
            for (DisciplineInEffect discipline : facts.disciplinesInEffect()) {
                for (DisciplineCheck check : perDiscipline) {
                    Optional<RuleViolation> refusal = check.refusal(facts, discipline);
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                }
            }
            return Optional.empty();
        };
    }

    Optional<RuleViolation> badgeIsAwardedToAFullMember(Facts facts) {
        if (facts.status() != MemberStatus.FULL) {
            return Optional.of(new RuleViolation(Invariant.I24, "badgeIsAwardedToAFullMember",
                    "A party badge is awarded to a full member (exempt or not); this record is " + facts.status()
                            + "."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> aPosthumousBadgeIsForAMemberWhoDiedAFullMember(Facts facts) {
        if (facts.status() != MemberStatus.DECEASED || facts.statusAtDeath() != MemberStatus.FULL) {
            return Optional.of(new RuleViolation(Invariant.I24, "aPosthumousBadgeIsForAMemberWhoDiedAFullMember",
                    "A posthumous badge is for a member recorded as having died a full member; this record is "
                            + (facts.status() == MemberStatus.DECEASED ? "of a member who died "
                            + facts.statusAtDeath() : facts.status()) + "."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> levelIsABadgeLevel(Facts facts) {
        if (!numbers.levels().contains(facts.award().level())) {
            return Optional.of(new RuleViolation(Invariant.I24, "levelIsABadgeLevel",
                    "There is no " + facts.award().level() + "-year badge; the levels are " + numbers.levels() + "."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> eachLevelIsAwardedOnce(Facts facts) {
        if (facts.awardedLevels().contains(facts.award().level())) {
            return Optional.of(new RuleViolation(Invariant.I24, "eachLevelIsAwardedOnce",
                    "The member was already awarded the " + facts.award().level() + "-year badge; each level is "
                            + "awarded once."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> occasionIsAnAnniversaryOrADecidedSpecialOccasion(Facts facts) {
        AwardPartyBadge award = facts.award();
        boolean anniversary = numbers.occasions().contains(MonthDay.from(award.occasionDate()));
        if (!anniversary && isBlank(award.specialOccasionRef())) {
            return Optional.of(new RuleViolation(Invariant.I24, "occasionIsAnAnniversaryOrADecidedSpecialOccasion",
                    "Badges are presented on the anniversaries " + numbers.occasions() + " or on another occasion "
                            + "decided by the provincial standing committee; " + award.occasionDate()
                            + " is neither."));
        }
        return Optional.empty();
    }

    /**
     * A round is decided for its own anniversary: a decision further ahead, say years before a far-off occasion, would
     * rest on a party age, a standing and a life the member may not have by then.
     */
    Optional<RuleViolation> aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion(Facts facts) {
        AwardPartyBadge award = facts.award();
        LocalDate earliest = award.occasionDate().minusMonths(numbers.decisionLeadMonths());
        if (award.decision().docDate().isBefore(earliest)) {
            return Optional.of(new RuleViolation(Invariant.I24, "aBadgeIsDecidedAtMostTheLeadTimeBeforeItsOccasion",
                    "A badge for the occasion of " + award.occasionDate() + " is decided at most "
                            + numbers.decisionLeadMonths() + " months before it, from " + earliest
                            + "; this decision is dated " + award.decision().docDate() + "."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(Facts facts) {
        AwardPartyBadge award = facts.award();
        int earlyMonths = numbers.earlyMonthsAllowed(award.level(), award.seriousIllness(), false);
        LocalDate reachedOn = facts.levelReachedOn();
        if (award.occasionDate().plusMonths(earlyMonths).isBefore(reachedOn)) {
            return Optional.of(new RuleViolation(Invariant.I24,
                    "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance",
                    "The " + award.level() + "-year badge needs " + award.level() + " years of party age on "
                            + award.occasionDate() + " (or at most " + earlyMonths + " months early on the stated "
                            + "ground); the member has " + facts.fullYearsOn(award.occasionDate()) + " full years"
                            + reachedOnText(reachedOn)));
        }
        return Optional.empty();
    }

    /**
     * "Posthumous award: at most 12 months early" (docs/rules.md#s7-2), read as: the member died at most that long before
     * the party age, counted up to the death, would have reached the level (ADR 0015).
     */
    Optional<RuleViolation> theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel(Facts facts) {
        AwardPartyBadge award = facts.award();
        int earlyMonths = numbers.earlyMonthsAllowed(award.level(), false, true);
        LocalDate reachedOn = facts.levelReachedOn();
        LocalDate died = facts.dateOfDeath();
        if (died.plusMonths(earlyMonths).isBefore(reachedOn)) {
            return Optional.of(new RuleViolation(Invariant.I24, "theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel",
                    "A posthumous " + award.level() + "-year badge goes to a member who died at most " + earlyMonths
                            + " months before reaching the level; the member died on " + died + " with "
                            + facts.fullYearsOn(died) + " full years" + reachedOnText(reachedOn)));
        }
        return Optional.empty();
    }

    private static String reachedOnText(LocalDate reachedOn) {
        return reachedOn.equals(LocalDate.MAX) ? "." : " and reaches the level on " + reachedOn + ".";
    }

    Optional<RuleViolation> aDisciplinedMemberIsNotConsideredWithinTheDeferral(Facts facts,
                                                                               DisciplineInEffect discipline) {
        LocalDate considerableFrom = discipline.effectiveDate()
                .plusMonths(numbers.deferralMonthsAfter(discipline.form()));
        LocalDate decidedOn = facts.award().decision().docDate();
        if (decidedOn.isBefore(considerableFrom)) {
            return Optional.of(new RuleViolation(Invariant.I24, "aDisciplinedMemberIsNotConsideredWithinTheDeferral",
                    "A member given a " + discipline.form() + " on " + discipline.effectiveDate() + " may be "
                            + "considered for a badge from " + considerableFrom + " ("
                            + numbers.deferralMonthsAfter(discipline.form()) + " months), not by a decision of "
                            + decidedOn + "."));
        }
        return Optional.empty();
    }

    static Optional<RuleViolation> aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection(
            Facts facts, DisciplineInEffect discipline) {
        if (isBlank(facts.award().correctionConfirmationRef())) {
            return Optional.of(new RuleViolation(Invariant.I24,
                    "aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection",
                    "The " + discipline.form() + " of " + discipline.effectiveDate() + " still applies, so the "
                            + "member is considered for a badge only with the branch's confirmation that the fault "
                            + "was corrected."));
        }
        return Optional.empty();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.badge.PartyBadgeReissued;
import vn.partyledger.domain.badge.PartyBadgeReturned;
import vn.partyledger.domain.badge.ReclaimBadge;
import vn.partyledger.domain.badge.ReissueBadge;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealResolved;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The member's party badges (docs/rules.md#s7-2, I24): one per level of party age. Exempt members stay FULL and so stay
 * eligible; a posthumous award goes to a member who died a full member, through I29's allow-list (ADR 0015); a
 * discipline defers the award; an expelled member hands the badges back.
 */
class MemberBadges {

    private final Member member;
    private final MemberPartyAge partyAge;
    /** Every level ever awarded: a level is awarded once, even if the badge was later handed back. */
    private final Set<Integer> awardedLevels = new HashSet<>();
    /** The badge number the member holds for each level awarded and not handed back. */
    private final Map<Integer, String> heldBadges = new HashMap<>();
    /** Disciplines imposed, oldest first, less those an appeal annulled or reduced. */
    private final List<DisciplineImposed> disciplines = new ArrayList<>();

    MemberBadges(Member member, MemberPartyAge partyAge) {
        this.member = member;
        this.partyAge = partyAge;
    }

    @CommandHandler
    void handle(AwardPartyBadge command, BadgePolicy policy, DisciplinePolicy disciplinePolicy) {
        if (command.posthumous()) {
            aPosthumousBadgeIsForAMemberWhoDiedAFullMember();
        } else {
            badgeIsAwardedToAFullMember();
        }
        levelIsABadgeLevel(command, policy);
        eachLevelIsAwardedOnce(command);
        occasionIsAnAnniversaryOrADecidedSpecialOccasion(command, policy);
        LocalDate reachedOn = command.posthumous()
                ? theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel(command, policy)
                : partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(command, policy);
        for (DisciplineImposed discipline : disciplinesInEffectOn(command.decision().docDate(), disciplinePolicy)) {
            aDisciplinedMemberIsNotConsideredWithinTheDeferral(discipline, command, policy);
            aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection(discipline, command);
        }
        LocalDate lastAlive = command.posthumous() ? member.dateOfDeath() : command.occasionDate();
        apply(new PartyBadgeAwarded(member.memberId(), command.level(), command.badgeNumber(), command.occasionDate(),
                lastAlive.isBefore(reachedOn), command.posthumous(), command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(ReissueBadge command) {
        onlyAnAwardedBadgeIsReissued(command.level());
        aBadgeIsReissuedForAGoodReason(command);
        apply(new PartyBadgeReissued(member.memberId(), command.level(), heldBadges.get(command.level()),
                command.newBadgeNumber(), command.reason(), command.decision().docDate(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(ReclaimBadge command) {
        onlyAnExpelledMemberHandsABadgeBack();
        onlyAHeldBadgeIsHandedBack(command.level());
        apply(new PartyBadgeReturned(member.memberId(), command.level(), heldBadges.get(command.level()),
                command.returnedOn(), command.decision().issuingOrgId()));
    }

    private void badgeIsAwardedToAFullMember() {
        if (member.status() != MemberStatus.FULL) {
            throw new RuleViolation(Invariant.I24, "badgeIsAwardedToAFullMember",
                    "A party badge is awarded to a full member (exempt or not); this record is " + member.status()
                            + ".");
        }
    }

    private void aPosthumousBadgeIsForAMemberWhoDiedAFullMember() {
        if (member.status() != MemberStatus.DECEASED || member.statusAtDeath() != MemberStatus.FULL) {
            throw new RuleViolation(Invariant.I24, "aPosthumousBadgeIsForAMemberWhoDiedAFullMember",
                    "A posthumous badge is for a member recorded as having died a full member; this record is "
                            + (member.status() == MemberStatus.DECEASED ? "of a member who died "
                            + member.statusAtDeath() : member.status()) + ".");
        }
    }

    private static void levelIsABadgeLevel(AwardPartyBadge command, BadgePolicy policy) {
        if (!policy.levels().contains(command.level())) {
            throw new RuleViolation(Invariant.I24, "levelIsABadgeLevel",
                    "There is no " + command.level() + "-year badge; the levels are " + policy.levels() + ".");
        }
    }

    private void eachLevelIsAwardedOnce(AwardPartyBadge command) {
        if (awardedLevels.contains(command.level())) {
            throw new RuleViolation(Invariant.I24, "eachLevelIsAwardedOnce",
                    "The member was already awarded the " + command.level() + "-year badge; each level is awarded "
                            + "once.");
        }
    }

    private static void occasionIsAnAnniversaryOrADecidedSpecialOccasion(AwardPartyBadge command,
                                                                          BadgePolicy policy) {
        boolean anniversary = policy.occasions().contains(MonthDay.from(command.occasionDate()));
        if (!anniversary && isBlank(command.specialOccasionRef())) {
            throw new RuleViolation(Invariant.I24, "occasionIsAnAnniversaryOrADecidedSpecialOccasion",
                    "Badges are presented on the anniversaries " + policy.occasions() + " or on another occasion "
                            + "decided by the provincial standing committee; " + command.occasionDate()
                            + " is neither.");
        }
    }

    private LocalDate partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(AwardPartyBadge command,
                                                                                     BadgePolicy policy) {
        int earlyMonths = policy.earlyMonthsAllowed(command.level(), command.seriousIllness(), false);
        LocalDate reachedOn = levelReachedOn(command.level());
        if (command.occasionDate().plusMonths(earlyMonths).isBefore(reachedOn)) {
            throw new RuleViolation(Invariant.I24, "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance",
                    "The " + command.level() + "-year badge needs " + command.level() + " years of party age on "
                            + command.occasionDate() + " (or at most " + earlyMonths + " months early on the stated "
                            + "ground); the member has " + fullYearsOn(command.occasionDate()) + " full years"
                            + reachedOnText(reachedOn));
        }
        return reachedOn;
    }

    /**
     * "Posthumous award: at most 12 months early" (docs/rules.md#s7-2), read as: the member died at most that long before
     * the party age, counted up to the death, would have reached the level (ADR 0015).
     */
    private LocalDate theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel(AwardPartyBadge command,
                                                                            BadgePolicy policy) {
        int earlyMonths = policy.earlyMonthsAllowed(command.level(), false, true);
        LocalDate reachedOn = levelReachedOn(command.level());
        LocalDate died = member.dateOfDeath();
        if (died.plusMonths(earlyMonths).isBefore(reachedOn)) {
            throw new RuleViolation(Invariant.I24, "theMemberDiedAtMostTheAllowanceBeforeReachingTheLevel",
                    "A posthumous " + command.level() + "-year badge goes to a member who died at most " + earlyMonths
                            + " months before reaching the level; the member died on " + died + " with "
                            + fullYearsOn(died) + " full years" + reachedOnText(reachedOn));
        }
        return reachedOn;
    }

    private LocalDate levelReachedOn(int level) {
        return partyAge.partyAge().flatMap(age -> age.reachesYearsOn(level)).orElse(LocalDate.MAX);
    }

    private int fullYearsOn(LocalDate date) {
        return partyAge.partyAge().map(age -> age.fullYearsOn(date)).orElse(0);
    }

    private static String reachedOnText(LocalDate reachedOn) {
        return reachedOn.equals(LocalDate.MAX) ? "." : " and reaches the level on " + reachedOn + ".";
    }

    /**
     * A discipline applies until {@code DISCIPLINE_EFFECT_MONTHS} after its effective date unless an appeal undid it;
     * an expelled member is not awarded at all, so only the milder forms defer.
     */
    private List<DisciplineImposed> disciplinesInEffectOn(LocalDate date, DisciplinePolicy policy) {
        return disciplines.stream()
                .filter(discipline -> discipline.form() != DisciplineForm.EXPULSION)
                .filter(discipline -> date.isBefore(discipline.effectiveDate()
                        .plusMonths(policy.disciplineEffectMonths())))
                .toList();
    }

    private static void aDisciplinedMemberIsNotConsideredWithinTheDeferral(DisciplineImposed discipline,
                                                                           AwardPartyBadge command,
                                                                           BadgePolicy policy) {
        LocalDate considerableFrom = discipline.effectiveDate()
                .plusMonths(policy.deferralMonthsAfter(discipline.form()));
        if (command.decision().docDate().isBefore(considerableFrom)) {
            throw new RuleViolation(Invariant.I24, "aDisciplinedMemberIsNotConsideredWithinTheDeferral",
                    "A member given a " + discipline.form() + " on " + discipline.effectiveDate() + " may be "
                            + "considered for a badge from " + considerableFrom + " ("
                            + policy.deferralMonthsAfter(discipline.form()) + " months), not by a decision of "
                            + command.decision().docDate() + ".");
        }
    }

    private static void aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection(
            DisciplineImposed discipline, AwardPartyBadge command) {
        if (isBlank(command.correctionConfirmationRef())) {
            throw new RuleViolation(Invariant.I24, "aDisciplinedMemberIsConsideredOnTheBranchsConfirmationOfCorrection",
                    "The " + discipline.form() + " of " + discipline.effectiveDate() + " still applies, so the "
                            + "member is considered for a badge only with the branch's confirmation that the fault "
                            + "was corrected.");
        }
    }

    private void onlyAnAwardedBadgeIsReissued(int level) {
        if (!heldBadges.containsKey(level)) {
            throw new RuleViolation(Invariant.BADGE_NOT_AWARDED, "onlyAnAwardedBadgeIsReissued",
                    "The member does not hold a " + level + "-year badge (never awarded or handed back), so it "
                            + "cannot be reissued.");
        }
    }

    private static void aBadgeIsReissuedForAGoodReason(ReissueBadge command) {
        if (isBlank(command.reason())) {
            throw new RuleViolation(Invariant.BADGE_REISSUE_REASON, "aBadgeIsReissuedForAGoodReason",
                    "A lost badge is reissued only for a good reason, which must be stated.");
        }
    }

    private void onlyAnExpelledMemberHandsABadgeBack() {
        if (member.status() != MemberStatus.EXPELLED) {
            throw new RuleViolation(Invariant.BADGE_RETURN, "onlyAnExpelledMemberHandsABadgeBack",
                    "Badges are handed back on expulsion (a deceased member's family keeps them); this record is "
                            + member.status() + ".");
        }
    }

    private void onlyAHeldBadgeIsHandedBack(int level) {
        if (!heldBadges.containsKey(level)) {
            throw new RuleViolation(Invariant.BADGE_NOT_AWARDED, "onlyAHeldBadgeIsHandedBack",
                    "The member does not hold a " + level + "-year badge, so there is none to hand back.");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(PartyBadgeAwarded event) {
        awardedLevels.add(event.level());
        heldBadges.put(event.level(), event.badgeNumber());
    }

    @EventSourcingHandler
    void on(PartyBadgeReissued event) {
        heldBadges.put(event.level(), event.newBadgeNumber());
    }

    @EventSourcingHandler
    void on(PartyBadgeReturned event) {
        heldBadges.remove(event.level());
    }

    @EventSourcingHandler
    void on(DisciplineImposed event) {
        disciplines.add(event);
    }

    /**
     * An appeal that annuls or reduces the latest discipline ends it here; a reduced form is keyed as its own
     * discipline with its own date (ADR 0015).
     */
    @EventSourcingHandler
    void on(AppealResolved event) {
        boolean undone = event.outcome() == AppealOutcome.ANNULLED || event.outcome() == AppealOutcome.REDUCED;
        if (event.subject() == AppealSubject.DISCIPLINE && undone && !disciplines.isEmpty()) {
            disciplines.remove(disciplines.size() - 1);
        }
    }

    /** An award keyed by mistake is annulled (I30): the level is free to be awarded again. */
    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.PARTY_BADGE_AWARDED) {
            int level = member.corrections.badgeLevelOf(event.annulledEventId());
            awardedLevels.remove(level);
            heldBadges.remove(level);
        }
    }
}

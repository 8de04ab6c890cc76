package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.badge.PartyBadgeReissued;
import vn.partyledger.domain.badge.ReissueBadge;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The member's party badges (domain.md §7.2, I24): one per level of party age. Exempt members stay FULL and so stay
 * eligible. A posthumous award is asked for by its flag on a record that is still FULL, since no death is recorded
 * yet (ADR 0012).
 */
class MemberBadges {

    private final Member member;
    private final MemberPartyAge partyAge;
    /** The badge number held for each level awarded. */
    private final Map<Integer, String> badgeNumbers = new HashMap<>();

    MemberBadges(Member member, MemberPartyAge partyAge) {
        this.member = member;
        this.partyAge = partyAge;
    }

    @CommandHandler
    void handle(AwardPartyBadge command, BadgePolicy policy) {
        badgeIsAwardedToAFullMember();
        levelIsABadgeLevel(command, policy);
        eachLevelIsAwardedOnce(command);
        occasionIsAnAnniversaryOrADecidedSpecialOccasion(command, policy);
        LocalDate reachedOn = partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(command, policy);
        apply(new PartyBadgeAwarded(member.memberId(), command.level(), command.badgeNumber(), command.occasionDate(),
                command.occasionDate().isBefore(reachedOn), command.posthumous(), command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(ReissueBadge command) {
        onlyAnAwardedBadgeIsReissued(command);
        aBadgeIsReissuedForAGoodReason(command);
        apply(new PartyBadgeReissued(member.memberId(), command.level(), badgeNumbers.get(command.level()),
                command.newBadgeNumber(), command.reason(), command.decision().docDate(),
                command.decision().issuingOrgId()));
    }

    private void badgeIsAwardedToAFullMember() {
        if (member.status() != MemberStatus.FULL) {
            throw new RuleViolation("I24", "badgeIsAwardedToAFullMember",
                    "A party badge is awarded to a full member (exempt or not); this record is " + member.status()
                            + ".");
        }
    }

    private static void levelIsABadgeLevel(AwardPartyBadge command, BadgePolicy policy) {
        if (!policy.levels().contains(command.level())) {
            throw new RuleViolation("I24", "levelIsABadgeLevel",
                    "There is no " + command.level() + "-year badge; the levels are " + policy.levels() + ".");
        }
    }

    private void eachLevelIsAwardedOnce(AwardPartyBadge command) {
        if (badgeNumbers.containsKey(command.level())) {
            throw new RuleViolation("I24", "eachLevelIsAwardedOnce",
                    "The member already holds the " + command.level() + "-year badge "
                            + badgeNumbers.get(command.level()) + "; each level is awarded once.");
        }
    }

    private static void occasionIsAnAnniversaryOrADecidedSpecialOccasion(AwardPartyBadge command,
                                                                          BadgePolicy policy) {
        boolean anniversary = policy.occasions().contains(MonthDay.from(command.occasionDate()));
        boolean decidedSpecial = command.specialOccasionRef() != null && !command.specialOccasionRef().isBlank();
        if (!anniversary && !decidedSpecial) {
            throw new RuleViolation("I24", "occasionIsAnAnniversaryOrADecidedSpecialOccasion",
                    "Badges are presented on the anniversaries " + policy.occasions() + " or on another occasion "
                            + "decided by the provincial standing committee; " + command.occasionDate()
                            + " is neither.");
        }
    }

    private LocalDate partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance(AwardPartyBadge command,
                                                                                     BadgePolicy policy) {
        int earlyMonths = policy.earlyMonthsAllowed(command.level(), command.seriousIllness(), command.posthumous());
        LocalDate reachedOn = partyAge.partyAge()
                .flatMap(age -> age.reachesYearsOn(command.level()))
                .orElse(LocalDate.MAX);
        if (command.occasionDate().plusMonths(earlyMonths).isBefore(reachedOn)) {
            int years = partyAge.partyAge().map(age -> age.fullYearsOn(command.occasionDate())).orElse(0);
            throw new RuleViolation("I24", "partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance",
                    "The " + command.level() + "-year badge needs " + command.level() + " years of party age on "
                            + command.occasionDate() + " (or at most " + earlyMonths + " months early on the stated "
                            + "ground); the member has " + years + " full years"
                            + (reachedOn.equals(LocalDate.MAX) ? "." : " and reaches the level on " + reachedOn + "."));
        }
        return reachedOn;
    }

    private void onlyAnAwardedBadgeIsReissued(ReissueBadge command) {
        if (!badgeNumbers.containsKey(command.level())) {
            throw new RuleViolation("BADGE_NOT_AWARDED", "onlyAnAwardedBadgeIsReissued",
                    "The member was never awarded the " + command.level() + "-year badge, so it cannot be reissued.");
        }
    }

    private static void aBadgeIsReissuedForAGoodReason(ReissueBadge command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("BADGE_REISSUE_REASON", "aBadgeIsReissuedForAGoodReason",
                    "A lost badge is reissued only for a good reason, which must be stated.");
        }
    }

    @EventSourcingHandler
    void on(PartyBadgeAwarded event) {
        badgeNumbers.put(event.level(), event.badgeNumber());
    }

    @EventSourcingHandler
    void on(PartyBadgeReissued event) {
        badgeNumbers.put(event.level(), event.newBadgeNumber());
    }

    /** An award keyed by mistake is annulled (I30): the level is free to be awarded again. */
    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.annulledEventType() == EntryType.PARTY_BADGE_AWARDED) {
            badgeNumbers.remove(member.corrections.badgeLevelOf(event.annulledEventId()));
        }
    }
}

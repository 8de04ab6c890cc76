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
import vn.partyledger.domain.discipline.DisciplineImported;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.Today;

import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;
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

    private final Standing standing;
    private final MemberPartyAge partyAge;
    private final MemberCorrections corrections;
    /** Every level ever awarded: a level is awarded once, even if the badge was later handed back. */
    private final Set<Integer> awardedLevels = new HashSet<>();
    /** The badge number the member holds for each level awarded and not handed back. */
    private final Map<Integer, String> heldBadges = new HashMap<>();
    /** The day each held badge was awarded, by level. */
    private final Map<Integer, LocalDate> awardedOn = new HashMap<>();
    /** Disciplines imposed or imported, oldest first, less those an appeal annulled or reduced. */
    private final List<DisciplineInEffect> disciplines = new ArrayList<>();

    MemberBadges(Standing standing, MemberPartyAge partyAge, MemberCorrections corrections) {
        this.standing = standing;
        this.partyAge = partyAge;
        this.corrections = corrections;
    }

    @CommandHandler
    void handle(AwardPartyBadge command, BadgePolicy policy, DisciplinePolicy disciplinePolicy, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        BadgeAwardPolicy.Facts facts = new BadgeAwardPolicy.Facts(command, standing.status(), standing.statusAtDeath(),
                standing.dateOfDeath(), Set.copyOf(awardedLevels), partyAge.partyAge(),
                disciplinesInEffectOn(command.decision().docDate(), disciplinePolicy));
        new BadgeAwardPolicy(policy).enforce(facts);
        LocalDate lastAlive = command.posthumous() ? standing.dateOfDeath() : command.occasionDate();
        apply(new PartyBadgeAwarded(standing.memberId(), command.level(), command.badgeNumber(), command.occasionDate(),
                Sensitive.of(standing.personId(), lastAlive.isBefore(facts.levelReachedOn())), command.posthumous(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(ReissueBadge command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAnAwardedBadgeIsReissued(command.level());
        aBadgeIsReissuedForAGoodReason(command);
        apply(new PartyBadgeReissued(standing.memberId(), command.level(), heldBadges.get(command.level()),
                command.newBadgeNumber(), Sensitive.ofNullable(standing.personId(), command.reason()),
                command.decision().docDate(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(ReclaimBadge command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        today.businessDateIsNotInTheFuture("badge's return", command.returnedOn());
        onlyAnExpelledMemberHandsABadgeBack();
        onlyAHeldBadgeIsHandedBack(command.level());
        apply(new PartyBadgeReturned(standing.memberId(), command.level(), heldBadges.get(command.level()),
                command.returnedOn(), command.decision().issuingOrgId()));
    }

    /**
     * A discipline applies until {@code DISCIPLINE_EFFECT_MONTHS} after its effective date unless an appeal undid it;
     * an expelled member is not awarded at all, so only the milder forms defer.
     */
    private List<DisciplineInEffect> disciplinesInEffectOn(LocalDate date, DisciplinePolicy policy) {
        return disciplines.stream()
                .filter(discipline -> discipline.form() != DisciplineForm.EXPULSION)
                .filter(discipline -> date.isBefore(discipline.effectiveDate()
                        .plusMonths(policy.disciplineEffectMonths())))
                .toList();
    }

    /** The badges the member holds, lowest level first, as a transfer to another province carries them. */
    List<TransferableRecord.Badge> held() {
        return heldBadges.keySet().stream().sorted()
                .map(level -> new TransferableRecord.Badge(level, heldBadges.get(level), awardedOn.get(level)))
                .toList();
    }

    /** The disciplines in effect on {@code date} (I24's reading), as a transfer to another province carries them. */
    List<TransferableRecord.Discipline> inEffectOn(LocalDate date, DisciplinePolicy policy) {
        return disciplinesInEffectOn(date, policy).stream()
                .map(discipline -> new TransferableRecord.Discipline(discipline.form(), discipline.effectiveDate()))
                .toList();
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
        if (standing.status() != MemberStatus.EXPELLED) {
            throw new RuleViolation(Invariant.BADGE_RETURN, "onlyAnExpelledMemberHandsABadgeBack",
                    "Badges are handed back on expulsion (a deceased member's family keeps them); this record is "
                            + standing.status() + ".");
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
        awardedOn.put(event.level(), event.occasionDate());
    }

    @EventSourcingHandler
    void on(MemberImported event) {
        event.badges().forEach(badge -> holding(badge.level(), badge.badgeNumber(), badge.awardedOn()));
    }

    /** A badge the member holds without an award recorded here: the paper file's, or another province's. */
    private void holding(int level, String badgeNumber, LocalDate on) {
        awardedLevels.add(level);
        heldBadges.put(level, badgeNumber);
        awardedOn.put(level, on);
    }

    /** The badges and disciplines the letter from another province carried hold here as the ones awarded here. */
    @EventSourcingHandler
    void on(MemberJoinedFromProvince event) {
        event.badges().forEach(badge -> holding(badge.level(), badge.badgeNumber(), badge.awardedOn()));
        event.disciplineInEffect().forEach(discipline ->
                disciplines.add(new DisciplineInEffect(discipline.form(), discipline.effectiveDate())));
    }

    @EventSourcingHandler
    void on(PartyBadgeReissued event) {
        heldBadges.put(event.level(), event.newBadgeNumber());
    }

    @EventSourcingHandler
    void on(PartyBadgeReturned event) {
        heldBadges.remove(event.level());
        awardedOn.remove(event.level());
    }

    @EventSourcingHandler
    void on(DisciplineImposed event) {
        disciplines.add(new DisciplineInEffect(event.form(), event.effectiveDate()));
    }

    /** A discipline the paper file showed in effect defers a badge as one imposed live on the day it was decided. */
    @EventSourcingHandler
    void on(DisciplineImported event) {
        disciplines.add(new DisciplineInEffect(event.form(), event.decidedOn()));
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
            int level = corrections.badgeLevelOf(event.annulledEventId());
            awardedLevels.remove(level);
            heldBadges.remove(level);
            awardedOn.remove(level);
        }
    }
}

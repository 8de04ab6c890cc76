package vn.partyledger.query.partyage;

import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.badge.BadgeEligibility;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.NextBadge;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may be put forward for a badge on an occasion (docs/rules.md#s7-2, #s19 BadgeEligibility; ADR 0040), with the
 * numbers the award's rules use ({@link BadgePolicy}, and {@link DisciplinePolicy} for how long a discipline applies):
 * the full members on the rolls (exempt ones included) whose party age reaches their next level by the occasion, or
 * within the early allowance for the seriously ill; the members who died full members at most the posthumous allowance
 * before reaching it; and, of those, the ones a discipline still defers. The occasion date stands for the decision's,
 * which the rules measure a deferral to: a round is decided before its occasion.
 */
public class BadgeEligibilityQueries {

    private final PartyAgeProjection facts;
    private final RollsUnder rolls;
    private final BadgePolicy policy;
    private final DisciplinePolicy disciplinePolicy;

    /** {@code tree} and {@code rosters} answer the organisation tree and a branch's roster on a date. */
    public BadgeEligibilityQueries(PartyAgeProjection facts,
                                   Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                                   Function<FindBranchRoster, Optional<BranchRoster>> rosters, BadgePolicy policy,
                                   DisciplinePolicy disciplinePolicy) {
        this.facts = facts;
        this.rolls = new RollsUnder(tree, rosters);
        this.policy = policy;
        this.disciplinePolicy = disciplinePolicy;
    }

    /** Empty when the organisation was not founded by the {@code asOf} date. */
    @QueryHandler
    Optional<BadgeEligibility> handle(FindBadgeEligibility query) {
        LocalDate occasion = query.occasionDate();
        return rolls.of(query.orgId(), query.asOf()).map(found -> {
            List<BadgeEligibility.Candidate> candidates = new ArrayList<>();
            found.rosters().forEach(roster -> {
                List<String> full = roster.members().stream()
                        .filter(entry -> entry.counted() && entry.status() == MemberStatus.FULL)
                        .map(BranchRoster.Entry::memberId).toList();
                facts.factsOf(full).values().forEach(member ->
                        living(member, roster.orgId(), occasion).ifPresent(candidates::add));
            });
            facts.deceasedIn(found.orgIds()).forEach((branchId, members) -> members.forEach(member ->
                    posthumous(member, branchId, occasion).ifPresent(candidates::add)));
            candidates.sort(Comparator.comparing(BadgeEligibility.Candidate::branchId)
                    .thenComparing(BadgeEligibility.Candidate::ground)
                    .thenComparing(BadgeEligibility.Candidate::memberId));
            return new BadgeEligibility(found.root().orgId(), occasion, query.asOf(), List.copyOf(candidates));
        });
    }

    private Optional<BadgeEligibility.Candidate> living(PartyAgeFacts member, String branchId, LocalDate occasion) {
        return member.partyAge()
                .flatMap(age -> NextBadge.of(age, member.awardedLevelsOn(occasion), policy, occasion))
                .flatMap(next -> {
                    LocalDate earliestReach = occasion.plusMonths(policy.earlyMonthsAllowed(next.level(), true, false));
                    if (next.reachesOn().isAfter(earliestReach)) {
                        return Optional.empty();
                    }
                    BadgeEligibility.Ground ground = next.reachesOn().isAfter(occasion)
                            ? BadgeEligibility.Ground.EARLY_IF_SERIOUSLY_ILL
                            : BadgeEligibility.Ground.REACHES_LEVEL;
                    return Optional.of(withDiscipline(member, new BadgeEligibility.Candidate(member.memberId(),
                            branchId, ground, next.level(), next.reachesOn(), null, null, null), occasion));
                });
    }

    /**
     * The discipline in effect on the occasion that defers the member longest: within its deferral the member is
     * listed as deferred until then; after it, with the day the member could be considered from, on the branch's
     * confirmation that the fault was corrected.
     */
    private BadgeEligibility.Candidate withDiscipline(PartyAgeFacts member, BadgeEligibility.Candidate candidate,
                                                      LocalDate occasion) {
        return member.disciplinesInEffectOn(occasion, disciplinePolicy.disciplineEffectMonths()).stream()
                .max(Comparator.comparing(this::consideredFrom))
                .map(discipline -> new BadgeEligibility.Candidate(candidate.memberId(), candidate.branchId(),
                        occasion.isBefore(consideredFrom(discipline)) ? BadgeEligibility.Ground.DEFERRED_BY_DISCIPLINE
                                : candidate.ground(),
                        candidate.level(), candidate.reachesOn(), null, discipline.form(), consideredFrom(discipline)))
                .orElse(candidate);
    }

    private LocalDate consideredFrom(PartyAgeFacts.Discipline discipline) {
        return discipline.effectiveDate().plusMonths(policy.deferralMonthsAfter(discipline.form()));
    }

    /**
     * "Posthumous award: at most 12 months early", read as the award's rule reads it (ADR 0015): the member died at most
     * that long before the party age, counted as if the member had lived, would have reached the level.
     */
    private Optional<BadgeEligibility.Candidate> posthumous(PartyAgeFacts member, String branchId, LocalDate occasion) {
        return member.diedFullMemberOn().filter(died -> !died.isAfter(occasion)).flatMap(died -> {
            LocalDate latestReach = died.plusMonths(policy.earlyMonthsAllowed(0, false, true));
            return member.partyAge()
                    .flatMap(age -> NextBadge.of(age, member.awardedLevelsOn(occasion), policy, latestReach))
                    .filter(next -> !next.reachesOn().isAfter(latestReach))
                    .map(next -> new BadgeEligibility.Candidate(member.memberId(), branchId,
                            BadgeEligibility.Ground.POSTHUMOUS, next.level(), next.reachesOn(), died, null, null));
        });
    }
}

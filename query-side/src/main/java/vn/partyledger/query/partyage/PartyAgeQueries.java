package vn.partyledger.query.partyage;

import org.axonframework.queryhandling.QueryHandler;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.badge.NextBadge;
import vn.partyledger.domain.badge.PartyAgeStatistics;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Party age read from the members' facts ({@link PartyAgeProjection}) joined by member id to the rosters at query time
 * (ADR 0040): the party age and next badge of a roster's full members, and the party-age groups and badge holders of
 * the rolls under an organisation.
 */
public class PartyAgeQueries {

    private final PartyAgeProjection facts;
    private final RollsUnder rolls;
    private final BadgePolicy policy;
    /** The lower bounds of the party-age groups after the first, in years, ascending (e.g. 10, 20, 30, 40). */
    private final List<Integer> groupBounds;

    /** {@code tree} and {@code rosters} answer the organisation tree and a branch's roster on a date. */
    public PartyAgeQueries(PartyAgeProjection facts, Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                           Function<FindBranchRoster, Optional<BranchRoster>> rosters, BadgePolicy policy,
                           List<Integer> groupBounds) {
        this.facts = facts;
        this.rolls = new RollsUnder(tree, rosters);
        this.policy = policy;
        this.groupBounds = List.copyOf(groupBounds);
        for (int n = 0; n < this.groupBounds.size(); n++) {
            if (this.groupBounds.get(n) <= (n == 0 ? 0 : this.groupBounds.get(n - 1))) {
                throw new IllegalArgumentException("party-age group bounds must be positive and ascending: "
                        + groupBounds);
            }
        }
    }

    /** The party age and next badge of each full member among the roster's lines, on the roster's date, by member id. */
    public Map<String, RosterPartyAge> onLines(Collection<BranchRoster.Entry> lines, LocalDate asOf) {
        List<String> full = lines.stream().filter(entry -> entry.status() == MemberStatus.FULL)
                .map(BranchRoster.Entry::memberId).distinct().toList();
        Map<String, RosterPartyAge> ages = new HashMap<>();
        facts.factsOf(full).values().forEach(member -> member.partyAge().ifPresent(age ->
                ages.put(member.memberId(), new RosterPartyAge(age.fullYearsOn(asOf),
                        NextBadge.of(age, member.awardedLevelsOn(asOf), policy, asOf).orElse(null)))));
        return ages;
    }

    @QueryHandler
    Optional<PartyAgeStatistics> handle(FindPartyAgeStatistics query) {
        return rolls.of(query.orgId(), query.asOf()).map(found -> {
            List<BranchRoster.Entry> counted = found.counted();
            Map<String, PartyAgeFacts> byMember = facts.factsOf(counted.stream().map(BranchRoster.Entry::memberId)
                    .toList());
            int[] groups = new int[groupBounds.size() + 1];
            Map<Integer, int[]> levels = new HashMap<>();
            policy.levels().forEach(level -> levels.put(level, new int[2]));
            int full = 0;
            int holders = 0;
            for (BranchRoster.Entry entry : counted) {
                PartyAgeFacts member = byMember.get(entry.memberId());
                if (member == null) {
                    continue;
                }
                if (entry.status() == MemberStatus.FULL) {
                    full++;
                    member.partyAge().map(age -> age.fullYearsOn(query.asOf()))
                            .ifPresent(years -> groups[groupOf(years)]++);
                }
                Set<Integer> held = member.heldLevelsOn(query.asOf());
                if (!held.isEmpty()) {
                    holders++;
                    held.forEach(level -> levels.computeIfAbsent(level, none -> new int[2])[0]++);
                    levels.computeIfAbsent(Collections.max(held), none -> new int[2])[1]++;
                }
            }
            return new PartyAgeStatistics(found.root().orgId(), found.root().name(), query.asOf(), counted.size(),
                    full, partyAgeGroups(groups), holders, levels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(level -> new PartyAgeStatistics.LevelHolders(level.getKey(), level.getValue()[0],
                            level.getValue()[1]))
                    .toList());
        });
    }

    private int groupOf(int years) {
        int group = 0;
        while (group < groupBounds.size() && years >= groupBounds.get(group)) {
            group++;
        }
        return group;
    }

    private List<PartyAgeStatistics.PartyAgeGroup> partyAgeGroups(int[] counts) {
        List<PartyAgeStatistics.PartyAgeGroup> groups = new ArrayList<>();
        for (int n = 0; n < counts.length; n++) {
            groups.add(new PartyAgeStatistics.PartyAgeGroup(n == 0 ? 0 : groupBounds.get(n - 1),
                    n < groupBounds.size() ? groupBounds.get(n) : null, counts[n]));
        }
        return List.copyOf(groups);
    }
}

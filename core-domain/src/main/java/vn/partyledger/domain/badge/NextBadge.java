package vn.partyledger.domain.badge;

import vn.partyledger.domain.member.PartyAge;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The badge a member's party age brings next (docs/rules.md#s7-2): {@code level} and the day the party age reaches it,
 * which is past when the level was reached and not yet awarded.
 */
public record NextBadge(int level, LocalDate reachesOn) {

    /**
     * Of the levels above every level awarded (each is awarded once, and none below one already awarded), the highest
     * the party age has reached by {@code reachedBy}; when it has reached none, the lowest with the day it is reached.
     * Empty when no level is left, or while a gap still open stands the party age still before the next level.
     */
    public static Optional<NextBadge> of(PartyAge partyAge, Collection<Integer> awardedLevels, BadgePolicy policy,
                                         LocalDate reachedBy) {
        int highestAwarded = awardedLevels.stream().max(Comparator.naturalOrder()).orElse(0);
        List<NextBadge> ahead = policy.levels().stream().filter(level -> level > highestAwarded).sorted()
                .flatMap(level -> partyAge.reachesYearsOn(level).map(on -> new NextBadge(level, on)).stream())
                .toList();
        Optional<NextBadge> reached = ahead.stream().filter(badge -> !badge.reachesOn().isAfter(reachedBy))
                .reduce((lower, higher) -> higher);
        return reached.isPresent() ? reached : ahead.stream().findFirst();
    }
}

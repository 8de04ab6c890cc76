package vn.partyledger.domain.badge;

import vn.partyledger.domain.member.PartyAge;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
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
     * <p>
     * A higher level is reached on a later day, and a gap still open that stops one level stops every higher one, so
     * the levels are gone through from the lowest and the first not yet reached ends the search: a roster of a hundred
     * members works out one or two levels each instead of a dozen.
     */
    public static Optional<NextBadge> of(PartyAge partyAge, Collection<Integer> awardedLevels, BadgePolicy policy,
                                         LocalDate reachedBy) {
        int highestAwarded = awardedLevels.stream().max(Comparator.naturalOrder()).orElse(0);
        NextBadge highestReached = null;
        for (int level : policy.levels().stream().filter(above -> above > highestAwarded).sorted().toList()) {
            Optional<LocalDate> reachesOn = partyAge.reachesYearsOn(level);
            if (reachesOn.isEmpty()) {
                break;
            }
            NextBadge badge = new NextBadge(level, reachesOn.get());
            if (badge.reachesOn().isAfter(reachedBy)) {
                return Optional.of(highestReached != null ? highestReached : badge);
            }
            highestReached = badge;
        }
        return Optional.ofNullable(highestReached);
    }
}

package vn.partyledger.domain.badge;

import org.junit.jupiter.api.Test;
import vn.partyledger.domain.member.PartyAge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next badge (docs/rules.md#s7-2): the highest level above those awarded that the party age has reached by the
 * date, else the lowest with the day it is reached; none while a gap still open stands the party age still.
 */
class NextBadgeTest {

    private static final BadgePolicy POLICY = BadgePolicy.DEFAULTS;

    /** The rule as written, every level above those awarded worked out. */
    private static Optional<NextBadge> byEveryLevel(PartyAge age, Collection<Integer> awarded, LocalDate reachedBy) {
        int highestAwarded = awarded.stream().max(Integer::compare).orElse(0);
        List<NextBadge> ahead = POLICY.levels().stream().filter(level -> level > highestAwarded).sorted()
                .flatMap(level -> age.reachesYearsOn(level).map(on -> new NextBadge(level, on)).stream())
                .toList();
        Optional<NextBadge> reached = ahead.stream().filter(badge -> !badge.reachesOn().isAfter(reachedBy))
                .reduce((lower, higher) -> higher);
        return reached.isPresent() ? reached : ahead.stream().findFirst();
    }

    @Test
    void theHighestLevelReachedByTheDateIsNextElseTheLowestAheadWithItsDay() {
        PartyAge since1960 = new PartyAge(LocalDate.of(1960, 5, 19), List.of());

        assertThat(NextBadge.of(since1960, Set.of(30, 40, 45), POLICY, LocalDate.of(2026, 9, 2)))
                .contains(new NextBadge(65, LocalDate.of(2025, 5, 19)));
        assertThat(NextBadge.of(since1960, Set.of(65), POLICY, LocalDate.of(2026, 9, 2)))
                .contains(new NextBadge(70, LocalDate.of(2030, 5, 19)));
        assertThat(NextBadge.of(since1960, Set.of(90), POLICY, LocalDate.of(2026, 9, 2))).isEmpty();
    }

    @Test
    void aGapStillOpenBeforeTheNextLevelLeavesNoNextBadge() {
        PartyAge lostContact = new PartyAge(LocalDate.of(2000, 1, 10),
                List.of(new PartyAge.Gap(LocalDate.of(2020, 3, 1), null)));

        assertThat(NextBadge.of(lostContact, Set.of(), POLICY, LocalDate.of(2026, 9, 2))).isEmpty();
    }

    @Test
    void goingThroughTheLevelsFromTheLowestGivesWhatWorkingOutEveryLevelGives() {
        Random random = new Random(20261201);
        for (int history = 0; history < 5_000; history++) {
            LocalDate admitted = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(85 * 365));
            List<PartyAge.Gap> gaps = new ArrayList<>();
            LocalDate from = admitted;
            for (int gap = random.nextInt(4); gap > 0; gap--) {
                from = from.plusDays(1 + random.nextInt(20 * 365));
                boolean open = gap == 1 && random.nextInt(3) == 0;
                gaps.add(new PartyAge.Gap(from, open ? null : from.plusDays(random.nextInt(10 * 365))));
            }
            PartyAge age = new PartyAge(admitted, gaps);
            List<Integer> awarded = POLICY.levels().stream().filter(level -> random.nextInt(4) == 0).toList();
            LocalDate reachedBy = admitted.plusDays(random.nextInt(100 * 365));

            assertThat(NextBadge.of(age, awarded, POLICY, reachedBy))
                    .as("admitted %s, gaps %s, awarded %s, by %s", admitted, gaps, awarded, reachedBy)
                    .isEqualTo(byEveryLevel(age, awarded, reachedBy));
        }
    }
}

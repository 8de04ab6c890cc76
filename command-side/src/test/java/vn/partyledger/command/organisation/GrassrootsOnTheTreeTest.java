package vn.partyledger.command.organisation;

import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grassroots organisation above a branch on a date, from the tree of that date: a branch moved under a new ward by
 * the 1 Jul 2025 reorganisation has that ward above it from that day, and the old one before.
 */
class GrassrootsOnTheTreeTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

    private final InMemoryOrganisationRegistry registry = new InMemoryOrganisationRegistry()
            .with("ward-old", OrganisationKind.GRASSROOTS_COMMITTEE, FOUNDED)
            .with("ward-new", OrganisationKind.GRASSROOTS_COMMITTEE, REORGANISED)
            .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, FOUNDED, "ward-old", 5, 0);
    private final GrassrootsOnTheTree grassroots = new GrassrootsOnTheTree(registry);

    @Test
    void aBranchMovedUnderANewWardHasThatWardAboveItFromTheDayItMovedAndTheOldOneBefore() {
        assertThat(grassroots.of("kp1", REORGANISED)).contains("ward-old");

        registry.reparented("kp1", "ward-new", REORGANISED);

        assertThat(grassroots.of("kp1", REORGANISED.minusDays(1))).contains("ward-old");
        assertThat(grassroots.of("kp1", REORGANISED)).contains("ward-new");
        assertThat(grassroots.of("kp1", REORGANISED.plusYears(1))).contains("ward-new");
    }
}

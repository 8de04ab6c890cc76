package vn.partyledger.command.organisation;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.OrganisationReparented;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grassroots organisation above a branch on a date, read from the organisations' own streams: a branch moved under
 * a new ward by the 1 Jul 2025 reorganisation has that ward above it from that day, and the old one before.
 */
class OrganisationStreamGrassrootsTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryOrganisationRegistry registry = new InMemoryOrganisationRegistry()
            .with("ward-old", OrganisationKind.GRASSROOTS_COMMITTEE, FOUNDED)
            .with("ward-new", OrganisationKind.GRASSROOTS_COMMITTEE, REORGANISED)
            .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, FOUNDED);
    private final OrganisationStreamGrassroots grassroots = new OrganisationStreamGrassroots(registry, () -> store);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void aBranchMovedUnderANewWardHasThatWardAboveItFromTheDayItMovedAndTheOldOneBefore() {
        store.publish(new GenericDomainEventMessage<>("Organisation", "kp1", 0,
                new OrganisationEstablished("kp1", "Chi bộ Khu phố 1", OrganisationKind.SUBORDINATE_BRANCH,
                        BranchType.RESIDENTIAL, "ward-old", null, OrganisationFlags.NONE, 5, false, FOUNDED)));
        assertThat(grassroots.of("kp1", REORGANISED)).contains("ward-old");

        store.publish(new GenericDomainEventMessage<>("Organisation", "kp1", 1,
                new OrganisationReparented("kp1", "ward-old", "ward-new", REORGANISED)));

        assertThat(grassroots.of("kp1", REORGANISED.minusDays(1))).contains("ward-old");
        assertThat(grassroots.of("kp1", REORGANISED)).contains("ward-new");
        assertThat(grassroots.of("kp1", REORGANISED.plusYears(1))).contains("ward-new");
    }
}

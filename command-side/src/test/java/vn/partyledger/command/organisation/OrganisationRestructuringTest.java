package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.process.OrganisationRestructuring;
import vn.partyledger.command.process.Records;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.MergeOrganisations;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.organisation.SplitOrganisation;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge and split handler over Axon's own repositories and an in-memory event store: Axon's fixtures hold one
 * aggregate, and a restructuring changes several organisations and members in one unit of work.
 */
class OrganisationRestructuringTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    private static final DecisionRef DECISION = new DecisionRef("31-QĐ/TU", MERGER, "province");
    private static final LocalDate DIED = LocalDate.of(2025, 3, 14);

    private EmbeddedEventStore store;
    private OrganisationRestructuring restructuring;

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Organisation> organisations = EventSourcingRepository.builder(Organisation.class)
                .eventStore(store).build();
        EventSourcingRepository<Member> members = EventSourcingRepository.builder(Member.class)
                .eventStore(store).build();
        restructuring = new OrganisationRestructuring(new Records<>(() -> organisations), new Records<>(() -> members));
        branch("kp1");
        branch("kp2");
        branch("kp-new");
        admittedMember("m1", "kp1");
        admittedMember("m2", "kp2");
    }

    @Test
    @DisplayName("I2: a merge moves every member of the sources to the target in one decision and closes the sources")
    void aMergeMovesEveryMemberOfTheSourcesToTheTargetAndClosesTheSources() {
        ResultMessage<?> result = handle(new MergeOrganisations("kp-new", List.of("kp1", "kp2"), MERGER, DECISION));

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(payloadsOf("kp-new")).containsSubsequence(
                new OrganisationsMerged("kp-new", List.of("kp1", "kp2"), MERGER),
                new MemberEnrolled("kp-new", "m1", MemberStatus.PROBATIONARY, MERGER),
                new MemberEnrolled("kp-new", "m2", MemberStatus.PROBATIONARY, MERGER));
        assertThat(payloadsOf("kp1")).containsSubsequence(new MemberReleased("kp1", "m1", MERGER),
                new OrganisationDissolved("kp1", DissolutionReason.ADMINISTRATIVE, "kp-new", MERGER));
        assertThat(payloadsOf("m1")).last()
                .isEqualTo(new MemberCollectivelyTransferred("m1", "kp1", "kp-new", MERGER));
        assertThat(payloadsOf("m2")).last()
                .isEqualTo(new MemberCollectivelyTransferred("m2", "kp2", "kp-new", MERGER));
    }

    @Test
    @DisplayName("I2: a merge into an organisation that cannot take the members writes nothing at all")
    void aMergeIntoAnOrganisationThatCannotTakeTheMembersWritesNothing() {
        append("ward", new OrganisationEstablished("ward", "Đảng bộ phường", OrganisationKind.GRASSROOTS_COMMITTEE,
                null, "province", null, OrganisationFlags.NONE, 300, false, FOUNDED));

        ResultMessage<?> result = handle(new MergeOrganisations("ward", List.of("kp1", "kp2"), MERGER, DECISION));

        assertThat(result.exceptionResult()).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("rule", "everyTransferredMemberFindsAHome");
        assertThat(payloadsOf("ward")).hasSize(1);
        assertThat(payloadsOf("kp1")).hasSize(2);
        assertThat(payloadsOf("m1")).hasSize(3);
    }

    @Test
    @DisplayName("I2: a split moves each member to the organisation the allocation names and closes the source")
    void aSplitMovesEachMemberToTheAllocatedOrganisationAndClosesTheSource() {
        admittedMember("m3", "kp1");
        List<MemberAllocation> allocation = List.of(new MemberAllocation("m1", "kp2"),
                new MemberAllocation("m3", "kp-new"));

        ResultMessage<?> result = handle(new SplitOrganisation("kp1", allocation, MERGER, DECISION));

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(payloadsOf("kp1")).containsSubsequence(new OrganisationSplit("kp1", allocation, MERGER),
                new OrganisationDissolved("kp1", DissolutionReason.ADMINISTRATIVE, null, MERGER));
        assertThat(payloadsOf("kp2")).last().isEqualTo(new MemberEnrolled("kp2", "m1", MemberStatus.PROBATIONARY,
                MERGER));
        assertThat(payloadsOf("kp-new")).last().isEqualTo(new MemberEnrolled("kp-new", "m3",
                MemberStatus.PROBATIONARY, MERGER));
        assertThat(payloadsOf("m3")).last().isEqualTo(new MemberCollectivelyTransferred("m3", "kp1", "kp-new",
                MERGER));
    }

    @Test
    @DisplayName("I2: a split that leaves a member homeless writes nothing at all")
    void aSplitThatLeavesAMemberHomelessWritesNothing() {
        admittedMember("m3", "kp1");

        ResultMessage<?> result = handle(new SplitOrganisation("kp1", List.of(new MemberAllocation("m1", "kp2")),
                MERGER, DECISION));

        assertThat(result.exceptionResult()).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("rule", "splitAllocatesEveryMemberOnTheRollExactlyOnce");
        assertThat(payloadsOf("kp1")).hasSize(3);
        assertThat(payloadsOf("kp2")).hasSize(2);
    }

    @Test
    @DisplayName("I29: a merge moves the living members and leaves a deceased one off the roll, where the death left them")
    void aMergeMovesTheLivingMembersAndLeavesADeceasedOneOffTheRoll() {
        admittedMember("m3", "kp1");
        append("m3", new MemberDeceased("m3", "kp1", DIED));
        append("kp1", new MemberReleased("kp1", "m3", DIED));

        ResultMessage<?> result = handle(new MergeOrganisations("kp-new", List.of("kp1", "kp2"), MERGER, DECISION));

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(payloadsOf("m3")).last().isEqualTo(new MemberDeceased("m3", "kp1", DIED));
        assertThat(payloadsOf("kp-new")).doesNotContain(new MemberEnrolled("kp-new", "m3",
                MemberStatus.PROBATIONARY, MERGER));
        assertThat(payloadsOf("m1")).last().isEqualTo(new MemberCollectivelyTransferred("m1", "kp1", "kp-new",
                MERGER));
    }

    @Test
    @DisplayName("I29: a merge whose roll still lists a deceased member moves nobody and writes nothing")
    void aMergeWhoseRollStillListsADeceasedMemberWritesNothing() {
        admittedMember("m3", "kp1");
        append("m3", new MemberDeceased("m3", "kp1", DIED));

        ResultMessage<?> result = handle(new MergeOrganisations("kp-new", List.of("kp1", "kp2"), MERGER, DECISION));

        assertThat(result.exceptionResult()).isInstanceOf(RuleViolation.class);
        MatcherAssert.assertThat((RuleViolation) result.exceptionResult(),
                Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
        assertThat(payloadsOf("kp-new")).hasSize(1);
        assertThat(payloadsOf("kp1")).hasSize(3);
        assertThat(payloadsOf("m1")).hasSize(3);
    }

    @Test
    @DisplayName("I2: a split does not allocate a deceased member, who is no longer on the roll")
    void aSplitDoesNotAllocateADeceasedMember() {
        admittedMember("m3", "kp1");
        append("m3", new MemberDeceased("m3", "kp1", DIED));
        append("kp1", new MemberReleased("kp1", "m3", DIED));

        ResultMessage<?> result = handle(new SplitOrganisation("kp1", List.of(new MemberAllocation("m1", "kp2"),
                new MemberAllocation("m3", "kp-new")), MERGER, DECISION));

        assertThat(result.exceptionResult()).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("rule", "splitAllocatesEveryMemberOnTheRollExactlyOnce");
        assertThat(payloadsOf("m3")).last().isEqualTo(new MemberDeceased("m3", "kp1", DIED));
    }

    private ResultMessage<?> handle(Object command) {
        return DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command))
                .executeWithResult(() -> {
                    if (command instanceof MergeOrganisations merge) {
                        restructuring.handle(merge, FixedToday.today());
                    } else {
                        restructuring.handle((SplitOrganisation) command, FixedToday.today());
                    }
                    return null;
                });
    }

    private void branch(String orgId) {
        append(orgId, new OrganisationEstablished(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward", null, OrganisationFlags.NONE, 5, false, FOUNDED));
    }

    private void admittedMember(String memberId, String branchId) {
        append(memberId, new OutstandingCandidateRegistered(memberId, "p-" + memberId, branchId,
                        Sensitive.of("p1", CandidateSource.RESIDENT), null, LocalDate.of(2024, 1, 8)),
                new AdmissionApproved(memberId, LocalDate.of(2024, 6, 3), "district", LocalDate.of(2024, 6, 5)),
                new MemberAdmitted(memberId, "p-" + memberId, branchId, LocalDate.of(2024, 6, 10),
                        LocalDate.of(2025, 6, 10), LocalDate.of(2024, 6, 3), false));
        append(branchId, new MemberEnrolled(branchId, memberId, MemberStatus.PROBATIONARY, LocalDate.of(2024, 6, 10)));
    }

    private void append(String aggregateId, Object... payloads) {
        long next = store.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        String type = payloads[0] instanceof OrganisationEstablished || payloads[0] instanceof MemberEnrolled
                || payloads[0] instanceof MemberReleased ? "Organisation" : "Member";
        for (Object payload : payloads) {
            store.publish(new GenericDomainEventMessage<>(type, aggregateId, next++, payload));
        }
    }

    private List<Object> payloadsOf(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }
}

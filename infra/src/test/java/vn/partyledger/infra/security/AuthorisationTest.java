package vn.partyledger.infra.security;

import org.junit.jupiter.api.Test;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.organisation.RegisteredOrganisation;
import vn.partyledger.command.organisation.Timeline;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.MergeOrganisations;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.person.ReadPersonalData;
import vn.partyledger.infra.integration.RepublishIntegrationEvents;
import vn.partyledger.infra.integration.inbound.InboundProcessor;
import vn.partyledger.infra.integration.inbound.ReadDeadLetters;
import vn.partyledger.infra.integration.inbound.RetryDeadLetter;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.RecordTransferRefusal;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The rule itself, without HTTP: role first, then every organisation concerned at or below the actor's, as the tree
 * stood on the business date. The tree: province > ward-a > kp1, and ward-b, which kp1 moved to on 1 Jul 2025.
 */
class AuthorisationTest {

    private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);
    private static final LocalDate AFTER_REFORM = LocalDate.of(2025, 7, 1);
    private static final DecisionRef DECISION = new DecisionRef("1-QĐ/ĐU", BEFORE_REFORM, "ward-a");

    private final Map<String, RegisteredOrganisation> tree = Map.of(
            "province", organisation("province", null),
            "ward-a", organisation("ward-a", "province"),
            "ward-b", organisation("ward-b", "province"),
            "kp1", new RegisteredOrganisation("kp1", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 4),
                    null, Timeline.<Integer>empty(), Timeline.<Integer>empty(), Timeline.<String>empty(),
                    Timeline.<String>empty().with(LocalDate.of(2010, 1, 4), "ward-a").with(AFTER_REFORM, "ward-b"),
                    Timeline.<OrganisationFlags>empty()));
    private final OrganisationRegistry registry = orgId -> Optional.ofNullable(tree.get(orgId));
    private final RecordHolders holders = new RecordHolders() {
        @Override
        public Optional<String> homeBranchOf(String memberId) {
            return memberId.equals("m-kp1") ? Optional.of("kp1") : Optional.empty();
        }

        @Override
        public Optional<String> sendingSideOf(String transferId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> receivingSideOf(String transferId) {
            return Optional.empty();
        }

        /** p-kp1 is on a record of branch kp1; p-new, on no record yet, was registered for kp1; nobody else is on file. */
        @Override
        public Optional<List<String>> organisationsOfPerson(String personId) {
            return switch (personId) {
                case "p-kp1", "p-new" -> Optional.of(List.of("kp1"));
                default -> Optional.empty();
            };
        }
    };
    private final Authorisation authorisation = new Authorisation(new PermissionTable(), registry, holders);

    @Test
    void aSecretaryRecordsTheEntriesOfItsOwnBranchOnly() {
        assertPermitted(actor("BRANCH_SECRETARY", "kp1"), new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1");
        assertRefused(actor("BRANCH_SECRETARY", "kp2"), new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1",
                "OUT_OF_SCOPE");
    }

    @Test
    void aPersonsEntryIsReadWhereThePersonsRecordsAreAndNowhereElse() {
        ReadPersonalData read = new ReadPersonalData("p-kp1", AFTER_REFORM);
        assertPermitted(actor("BRANCH_SECRETARY", "kp1"), read, "p-kp1");
        assertRefused(actor("BRANCH_SECRETARY", "kp2"), read, "p-kp1", "OUT_OF_SCOPE");
        assertRefused(actor("BRANCH_SECRETARY", "kp2"), new ReadPersonalData("p-nobody", AFTER_REFORM), "p-nobody",
                "OUT_OF_SCOPE");
        assertPermitted(actor("AUDITOR", null), read, "p-kp1");
    }

    @Test
    void aPersonOnNoRecordYetIsTheConcernOfTheOrganisationTheyWereRegisteredFor() {
        ReadPersonalData read = new ReadPersonalData("p-new", AFTER_REFORM);
        assertPermitted(actor("BRANCH_SECRETARY", "kp1"), read, "p-new");
        assertRefused(actor("BRANCH_SECRETARY", "kp2"), read, "p-new", "OUT_OF_SCOPE");
        assertRefused(actor("AUDITOR", null), new RegisterPerson("p-2", Set.of(PersonalDataField.FULL_NAME), null,
                "v1"), "p-2", "ROLE_NOT_PERMITTED");
    }

    @Test
    void aSecretaryDecidesNothing() {
        assertRefused(actor("BRANCH_SECRETARY", "kp1"), decideAdmission(), "m-kp1", "ROLE_NOT_PERMITTED");
    }

    @Test
    void aBoardReachesItsSubtreeAsItStoodOnTheBusinessDate() {
        Actor wardA = actor("ORGANISATION_BOARD", "ward-a");
        Actor wardB = actor("ORGANISATION_BOARD", "ward-b");

        assertPermitted(wardA, new RecordDeath("m-kp1", BEFORE_REFORM), "m-kp1");
        assertRefused(wardA, new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1", "OUT_OF_SCOPE");
        assertRefused(wardB, new RecordDeath("m-kp1", BEFORE_REFORM), "m-kp1", "OUT_OF_SCOPE");
        assertPermitted(wardB, new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1");
        assertPermitted(actor("ORGANISATION_BOARD", "province"), new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1");
    }

    @Test
    void aRecordThatDoesNotExistIsRefusedInTheSameWordsAsOneOutOfScope() {
        Actor wardB = actor("ORGANISATION_BOARD", "ward-b");

        String outOfScope = refusal(wardB, new RecordDeath("m-kp1", BEFORE_REFORM), "m-kp1").getMessage();
        String missing = refusal(wardB, new RecordDeath("m-nobody", BEFORE_REFORM), "m-nobody").getMessage();

        assertThat(missing).isEqualTo(outOfScope);
    }

    @Test
    void aMergeConcernsEveryOrganisationInvolved() {
        MergeOrganisations merge = new MergeOrganisations("ward-a", List.of("ward-b"), BEFORE_REFORM, DECISION);

        assertRefused(actor("ORGANISATION_BOARD", "ward-a"), merge, "ward-a", "OUT_OF_SCOPE");
        assertPermitted(actor("ORGANISATION_BOARD", "province"), merge, "ward-a");
    }

    @Test
    void onlyABoardActingForARootFoundsIt() {
        EstablishOrganisation root = new EstablishOrganisation("hcmc", "Đảng bộ Thành phố", OrganisationKind.PROVINCIAL,
                null, null, null, OrganisationFlags.NONE, 0, LocalDate.of(1975, 5, 1), null);

        assertPermitted(actor("ORGANISATION_BOARD", "hcmc"), root, "hcmc");
        assertRefused(actor("ORGANISATION_BOARD", "province"), root, "hcmc", "OUT_OF_SCOPE");
        assertRefused(actor("BRANCH_SECRETARY", "hcmc"), root, "hcmc", "ROLE_NOT_PERMITTED");
    }

    @Test
    void anAuditorReadsEveryBranchAndWritesNothing() {
        Actor auditor = new Actor("inspector", "AUDITOR", null);

        assertPermitted(auditor, new FindBranchRoster("kp1", AFTER_REFORM), null);
        assertRefused(auditor, new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1", "ROLE_NOT_PERMITTED");
    }

    @Test
    void theSecurityOfficerTheAdministratorAndAnUnknownRoleNeitherReadNorWrite() {
        for (String role : List.of("SECURITY_OFFICER", "ADMINISTRATOR", "UNSPECIFIED")) {
            Actor actor = actor(role, "province");
            assertRefused(actor, new FindBranchRoster("kp1", AFTER_REFORM), null, "ROLE_NOT_PERMITTED");
            assertRefused(actor, new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1", "ROLE_NOT_PERMITTED");
        }
    }

    @Test
    void onlyTheAdministratorRepublishesIntegrationEventsAndForTheWholeDeployment() {
        RepublishIntegrationEvents republish = new RepublishIntegrationEvents(0);

        assertPermitted(actor("ADMINISTRATOR", null), republish, null);
        assertRefused(actor("ORGANISATION_BOARD", "province"), republish, null, "ROLE_NOT_PERMITTED");
        assertRefused(actor("AUDITOR", null), republish, null, "ROLE_NOT_PERMITTED");
    }

    @Test
    void onlyTheAdministratorListsAndRetriesDeadLetters() {
        for (Object request : List.of(new ReadDeadLetters(), new RetryDeadLetter("ce-1"))) {
            assertPermitted(actor("ADMINISTRATOR", null), request, null);
            assertRefused(actor("ORGANISATION_BOARD", "province"), request, null, "ROLE_NOT_PERMITTED");
            assertRefused(actor(InboundProcessor.ROLE, null), request, null, "ROLE_NOT_PERMITTED");
        }
    }

    @Test
    void theProvincialSystemRecordsIncomingTransfersAnywhereInTheProvinceAndNothingElse() {
        assertThat(Role.named(InboundProcessor.ROLE)).contains(Role.PROVINCIAL_SYSTEM);
        RecordIncomingTransfer incoming = new RecordIncomingTransfer("t-in", "m-in", "urn:partyledger:province:hn",
                "hn-kp7", "kp1", "12-GGT/ĐU", AFTER_REFORM, AFTER_REFORM.plusDays(42), new TransferableRecord(
                        MemberStatus.FULL, LocalDate.of(2001, 5, 19), LocalDate.of(2002, 5, 19), null, List.of(),
                        List.of(), null, List.of()));
        Actor system = actor(InboundProcessor.ROLE, null);

        assertPermitted(system, incoming, "t-in");
        assertPermitted(system, new RecordTransferRefusal("t-out", "urn:partyledger:province:hn",
                RefusalReason.NOT_PRESENTED, AFTER_REFORM), "t-out");
        assertRefused(actor("ORGANISATION_BOARD", "province"), incoming, "t-in", "ROLE_NOT_PERMITTED");
        assertRefused(actor("ADMINISTRATOR", null), incoming, "t-in", "ROLE_NOT_PERMITTED");
        assertRefused(system, new RecordDeath("m-kp1", AFTER_REFORM), "m-kp1", "ROLE_NOT_PERMITTED");
        assertRefused(system, new FindBranchRoster("kp1", AFTER_REFORM), null, "ROLE_NOT_PERMITTED");
        assertRefused(system, new RepublishIntegrationEvents(0), null, "ROLE_NOT_PERMITTED");
    }

    private static RegisteredOrganisation organisation(String orgId, String parent) {
        Timeline<String> parents = parent == null ? Timeline.empty()
                : Timeline.<String>empty().with(LocalDate.of(2000, 1, 3), parent);
        return new RegisteredOrganisation(orgId, OrganisationKind.COMMUNE_LEVEL, LocalDate.of(2000, 1, 3), null,
                Timeline.empty(), Timeline.empty(), Timeline.empty(), parents, Timeline.empty());
    }

    private static Actor actor(String role, String orgId) {
        return new Actor("user-of-" + orgId, role, orgId);
    }

    private static DecideAdmission decideAdmission() {
        return new DecideAdmission("m-kp1", DECISION, BEFORE_REFORM, null);
    }

    private void assertPermitted(Actor actor, Object message, String recordId) {
        assertThatCode(() -> authorisation.check(actor, message, recordId, dateOf(message))).doesNotThrowAnyException();
    }

    private void assertRefused(Actor actor, Object message, String recordId, String code) {
        assertThat(refusal(actor, message, recordId).code()).isEqualTo(code);
    }

    private AccessRefused refusal(Actor actor, Object message, String recordId) {
        Throwable thrown = catchThrowable(() -> authorisation.check(actor, message, recordId, dateOf(message)));
        assertThat(thrown).as("refusal of %s to %s", message, actor).isInstanceOf(AccessRefused.class);
        return (AccessRefused) thrown;
    }

    private static LocalDate dateOf(Object message) {
        if (message instanceof RecordDeath death) {
            return death.dateOfDeath();
        }
        if (message instanceof FindBranchRoster roster) {
            return roster.asOf();
        }
        return BEFORE_REFORM;
    }
}

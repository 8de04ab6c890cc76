package vn.partyledger.infra.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.integration.inbound.DeadLetters;
import vn.partyledger.infra.kafka.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.IntegratorConsumer.firstOn;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Two provinces, each its own application (its province code, its embedded database), on one real Kafka broker
 * (issue 12 item 5, ADR 0045, 0046, 0050): each sends a member to the other with an official letter, which the member
 * presents there and goes onto that roll; a third member's letter is refused and that member comes back. In the middle
 * a letter is delivered twice, a poison message is sent, and the broker is stopped while the presentations and the
 * refusal are recorded, then started again. At the end each member is on exactly one roll, and both logs tell the same
 * story of each letter.
 */
class TwoProvincesTest {

    private static final String EXCHANGE = "partyledger.inbound.v1";
    private static final String HCMC = "urn:partyledger:province:hcmc";
    private static final String HA_NOI = "urn:partyledger:province:hn";

    @TempDir
    Path dir;

    private record Province(String source, ConfigurableApplicationContext app, Scenario scenario) {

        RestClient board() {
            return StandaloneApplication.board(app);
        }

        List<String> eventTypesOf(String aggregateId) {
            return app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                    .readEvents(aggregateId).asStream()
                    .map(event -> event.getPayloadType().getSimpleName()).toList();
        }

        List<DeadLetters.DeadLetterEntry> deadLetters() {
            return app.getBean(DeadLetters.class).list();
        }

        List<String> roster() {
            return scenario.onTheRoster(scenario.branch);
        }
    }

    private Province start(String name, String source, String bootstrapServers) {
        ConfigurableApplicationContext app = StandaloneApplication.start(dir.resolve(name),
                "--partyledger.mongodb.embedded.backend=memory",
                "--partyledger.kafka.bootstrap-servers=" + bootstrapServers,
                "--partyledger.integration.source=" + source,
                // each province's own topics, as on its own cluster; the exchange is the one both share
                "--partyledger.integration.member-events-topic=" + name + ".member-events.v1",
                "--partyledger.integration.organisation-events-topic=" + name + ".organisation-events.v1",
                "--partyledger.integration.inbound.dead-letter-topic=" + name + ".inbound-dead-letters.v1",
                "--partyledger.integration.send-timeout=1s",
                "--partyledger.integration.inbound.pause=200ms");
        return new Province(source, app, new Scenario(StandaloneApplication.board(app)).organisationTree());
    }

    @Test
    void membersTransferredBothWaysAreOnExactlyOneRollThroughADuplicateAPoisonMessageAndABrokerRestart()
            throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 0);
        EmbeddedKafkaBroker restarted = null;
        Province hcmc = null;
        Province haNoi = null;
        try {
            hcmc = start("hcmc", HCMC, broker.bootstrapServers());
            haNoi = start("hn", HA_NOI, broker.bootstrapServers());
            String movesToHaNoi = "m-hcmc-" + hcmc.scenario().suffix;
            String staysInHcmc = "m-hcmc-stays-" + hcmc.scenario().suffix;
            String movesToHcmc = "m-hn-" + haNoi.scenario().suffix;
            String toHaNoi = "t-hcmc-" + hcmc.scenario().suffix;
            String refused = "t-hcmc-refused-" + hcmc.scenario().suffix;
            String toHcmc = "t-hn-" + haNoi.scenario().suffix;
            hcmc.scenario().fullMember(movesToHaNoi);
            hcmc.scenario().fullMember(staysInHcmc, hcmc.scenario().admissionIn(hcmc.scenario().branch), 1);
            haNoi.scenario().fullMember(movesToHcmc);

            expect(hcmc.scenario().issueTransferLetterToProvince(toHaNoi, movesToHaNoi, HA_NOI,
                    haNoi.scenario().branch), 201);
            expect(hcmc.scenario().issueTransferLetterToProvince(refused, staysInHcmc, HA_NOI,
                    haNoi.scenario().branch), 201);
            expect(haNoi.scenario().issueTransferLetterToProvince(toHcmc, movesToHcmc, HCMC,
                    hcmc.scenario().branch), 201);
            Province b = haNoi;
            Province a = hcmc;
            await().atMost(Duration.ofSeconds(60)).until(() -> b.eventTypesOf(toHaNoi).contains(
                    "IncomingTransferRecorded") && b.eventTypesOf(refused).contains("IncomingTransferRecorded")
                    && a.eventTypesOf(toHcmc).contains("IncomingTransferRecorded"));

            // the letter to Hà Nội delivered again, as an at-least-once producer may: the same ce_id, applied once
            ConsumerRecord<String, String> letter = firstOn(broker.bootstrapServers(), EXCHANGE,
                    record -> movesToHaNoi.equals(record.key()));
            String poisonId;
            try (OtherProvince again = new OtherProvince(broker.bootstrapServers(), EXCHANGE, HCMC, HA_NOI,
                    header(letter, "ce_type"))) {
                again.send(movesToHaNoi, header(letter, "ce_id"), HA_NOI, letter.value());
                poisonId = again.send(movesToHaNoi, "{\"memberId\": 42").ceId();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> b.deadLetters().stream()
                    .anyMatch(entry -> poisonId.equals(entry.ceId())));

            // the broker goes down while each province takes the member who presents a letter, and Hà Nội refuses
            // the other letter; it comes back, and the answers reach the sending provinces
            broker.close();
            expect(haNoi.scenario().presentIncomingTransfer(toHaNoi, movesToHaNoi, "2025-09-20"), 200);
            expect(haNoi.scenario().post("/api/v1/incoming-transfers/" + refused + "/refuse-incoming-transfer", """
                    {"receivingOrgId": "%s", "reason": "NOT_PRESENTED", "refusedOn": "2025-10-20"}
                    """.formatted(haNoi.scenario().branch)), 200);
            expect(hcmc.scenario().presentIncomingTransfer(toHcmc, movesToHcmc, "2025-09-25"), 200);
            restarted = EmbeddedKafkaBroker.start(broker.logDir(), broker.port(), broker.controllerPort());

            await().atMost(Duration.ofSeconds(90)).until(() -> a.eventTypesOf(toHaNoi).contains(
                    "TransferPresentedInProvince") && a.eventTypesOf(refused).contains("TransferRefusedByProvince")
                    && b.eventTypesOf(toHcmc).contains("TransferPresentedInProvince"));

            assertThat(haNoi.eventTypesOf(toHaNoi)).as("Hà Nội's incoming case, though delivered twice")
                    .containsExactly("IncomingTransferRecorded", "IncomingTransferPresented");
            assertThat(hcmc.eventTypesOf(toHaNoi)).as("HCMC's case of the same letter")
                    .containsExactly("TransferLetterSentToProvince", "TransferPresentedInProvince");
            assertThat(haNoi.eventTypesOf(refused)).containsExactly("IncomingTransferRecorded",
                    "IncomingTransferRefused");
            assertThat(hcmc.eventTypesOf(refused)).containsExactly("TransferLetterSentToProvince",
                    "TransferRefusedByProvince");
            assertThat(hcmc.eventTypesOf(toHcmc)).containsExactly("IncomingTransferRecorded",
                    "IncomingTransferPresented");
            assertThat(haNoi.eventTypesOf(toHcmc)).containsExactly("TransferLetterSentToProvince",
                    "TransferPresentedInProvince");

            movedFromTo(movesToHaNoi, hcmc, haNoi);
            movedFromTo(movesToHcmc, haNoi, hcmc);
            onItsOwnRollOnly(staysInHcmc, hcmc, haNoi);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(a.roster()).contains(staysInHcmc, movesToHcmc).doesNotContain(movesToHaNoi);
                assertThat(b.roster()).contains(movesToHaNoi).doesNotContain(movesToHcmc, staysInHcmc);
            });
            assertThat(haNoi.deadLetters()).extracting(DeadLetters.DeadLetterEntry::ceId).containsExactly(poisonId);
            assertThat(hcmc.deadLetters()).isEmpty();
        } finally {
            close(hcmc);
            close(haNoi);
            if (restarted != null) {
                restarted.close();
            }
            broker.close();
        }
    }

    /** Left the sending province's roll on the other's confirmation, and on the other's roll with one record there. */
    private static void movedFromTo(String member, Province from, Province to) {
        List<String> left = from.eventTypesOf(member);
        assertThat(left).contains("MemberTransferOpened");
        assertThat(left.get(left.size() - 1)).isEqualTo("MemberLeftForProvince");
        assertThat(to.eventTypesOf(member)).containsExactly("MemberJoinedFromProvince");
    }

    /** Back from transit at home, and no record of the member in the other province. */
    private static void onItsOwnRollOnly(String member, Province home, Province other) {
        List<String> atHome = home.eventTypesOf(member);
        assertThat(atHome).contains("MemberTransferOpened");
        assertThat(atHome.get(atHome.size() - 1)).isEqualTo("MemberTransferClosed");
        assertThat(atHome).doesNotContain("MemberHomeChanged", "MemberStruckOff");
        assertThat(other.eventTypesOf(member)).isEmpty();
    }

    private static void close(Province province) {
        if (province != null) {
            province.app().close();
        }
    }
}

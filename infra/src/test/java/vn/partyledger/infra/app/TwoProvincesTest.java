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
 * (issue 12 item 5, ADR 0045, 0046): each sends a member to the other with an official letter, the other records the
 * incoming letter and refuses it, and the sender takes its member back. In the middle a letter is delivered twice,
 * a poison message is sent, and the broker is stopped while decisions are recorded and started again. At the end each
 * member is on its own province's roll only, and both logs tell the same story of each letter.
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
    void membersSentBothWaysAndRefusedComeBackToTheirOwnRollOnlyThroughADuplicateAPoisonMessageAndABrokerRestart()
            throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 0);
        EmbeddedKafkaBroker restarted = null;
        Province hcmc = null;
        Province haNoi = null;
        try {
            hcmc = start("hcmc", HCMC, broker.bootstrapServers());
            haNoi = start("hn", HA_NOI, broker.bootstrapServers());
            String fromHcmc = "m-hcmc-" + hcmc.scenario().suffix;
            String toHaNoi = "t-hcmc-" + hcmc.scenario().suffix;
            String fromHaNoi = "m-hn-" + haNoi.scenario().suffix;
            String toHcmc = "t-hn-" + haNoi.scenario().suffix;
            hcmc.scenario().fullMember(fromHcmc);
            haNoi.scenario().fullMember(fromHaNoi);

            expect(hcmc.scenario().issueTransferLetterToProvince(toHaNoi, fromHcmc, HA_NOI,
                    haNoi.scenario().branch), 201);
            expect(haNoi.scenario().issueTransferLetterToProvince(toHcmc, fromHaNoi, HCMC,
                    hcmc.scenario().branch), 201);
            Province b = haNoi;
            Province a = hcmc;
            await().atMost(Duration.ofSeconds(60)).until(() -> b.eventTypesOf(toHaNoi).contains(
                    "IncomingTransferRecorded") && a.eventTypesOf(toHcmc).contains("IncomingTransferRecorded"));

            // the letter to Hà Nội delivered again, as an at-least-once producer may: the same ce_id, applied once
            ConsumerRecord<String, String> letter = firstOn(broker.bootstrapServers(), EXCHANGE,
                    record -> fromHcmc.equals(record.key()));
            String poisonId;
            try (OtherProvince again = new OtherProvince(broker.bootstrapServers(), EXCHANGE, HCMC, HA_NOI,
                    header(letter, "ce_type"))) {
                again.send(fromHcmc, header(letter, "ce_id"), HA_NOI, letter.value());
                poisonId = again.send(fromHcmc, "{\"memberId\": 42").ceId();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> b.deadLetters().stream()
                    .anyMatch(entry -> poisonId.equals(entry.ceId())));

            // the broker goes down while both provinces refuse the letters they received, and comes back
            broker.close();
            expect(haNoi.scenario().post("/api/v1/incoming-transfers/" + toHaNoi + "/refuse-incoming-transfer", """
                    {"receivingOrgId": "%s", "reason": "NOT_PRESENTED", "refusedOn": "2025-10-20"}
                    """.formatted(haNoi.scenario().branch)), 200);
            expect(hcmc.scenario().post("/api/v1/incoming-transfers/" + toHcmc + "/refuse-incoming-transfer", """
                    {"receivingOrgId": "%s", "reason": "RECORD_DOES_NOT_MATCH", "refusedOn": "2025-09-30"}
                    """.formatted(hcmc.scenario().branch)), 200);
            restarted = EmbeddedKafkaBroker.start(broker.logDir(), broker.port(), broker.controllerPort());

            await().atMost(Duration.ofSeconds(90)).until(() -> a.eventTypesOf(toHaNoi).contains(
                    "TransferRefusedByProvince") && b.eventTypesOf(toHcmc).contains("TransferRefusedByProvince"));

            assertThat(haNoi.eventTypesOf(toHaNoi)).as("Hà Nội's incoming case, though delivered twice")
                    .containsExactly("IncomingTransferRecorded", "IncomingTransferRefused");
            assertThat(hcmc.eventTypesOf(toHaNoi)).as("HCMC's case of the same letter")
                    .containsExactly("TransferLetterSentToProvince", "TransferRefusedByProvince");
            assertThat(hcmc.eventTypesOf(toHcmc)).containsExactly("IncomingTransferRecorded",
                    "IncomingTransferRefused");
            assertThat(haNoi.eventTypesOf(toHcmc)).containsExactly("TransferLetterSentToProvince",
                    "TransferRefusedByProvince");
            onItsOwnRollOnly(fromHcmc, hcmc, haNoi);
            onItsOwnRollOnly(fromHaNoi, haNoi, hcmc);
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

package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.IntegratorConsumer.reading;
import static vn.partyledger.infra.app.Scenario.expect;

/** Establish a branch and admit a member over HTTP; see the events, the roster and the Kafka message. */
class FirstDecisionEndToEndTest extends RunningApplication {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    IntegrationProperties integration;

    @Test
    void anAdmissionRecordedOverHttpIsStoredWithItsMetadataListedOnTheRosterAndPublishedToKafka() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;

        JsonNode outcome = scenario.admittedMember(memberId);

        assertThat(outcome.get("aggregateId").asText()).isEqualTo(memberId);
        assertThat(outcome.get("version").asLong()).isEqualTo(Scenario.EVENTS_BEFORE_DECISION + 1);
        String admittedEventId = outcome.get("eventIds").get(0).asText();

        Document stored = storedEvent(admittedEventId);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("aggregateIdentifier")).isEqualTo(memberId);
        assertThat(stored.get("payload", Document.class).getString("homeOrgId")).isEqualTo(scenario.branch);
        Document metaData = stored.get("metaData", Document.class);
        assertThat(metaData.get("actor", Document.class).getString("userId")).isEqualTo("board");
        assertThat(metaData.get("actor", Document.class).getString("role")).isEqualTo("ORGANISATION_BOARD");
        assertThat(metaData.get("actor", Document.class).getString("actingForOrgId")).isEqualTo(Scenario.CENTRAL);
        assertThat(metaData.getString("businessDate")).isEqualTo("2025-08-19");
        assertThat(metaData.getString("ruleSet")).isEqualTo("QD294_2025");
        assertThat(metaData.getString("correlationId")).isNotBlank();
        assertThat(metaData.getString("causationId")).isNotBlank();
        assertThat(metaData.getString("requestId")).isNotBlank();

        Document decided = storedEventsOf(memberId).get(Scenario.EVENTS_BEFORE_DECISION);
        assertThat(decided).isNotNull();
        assertThat(decided.get("metaData", Document.class).get("decision", Document.class))
                .containsEntry("docNumber", "215-QĐ/ĐU")
                .containsEntry("docDate", "2025-08-04")
                .containsEntry("issuingOrgId", scenario.ward);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode roster = expect(board().get()
                    .uri("/api/v1/organisations/{id}/roster?asOf=2025-08-19", scenario.branch)
                    .retrieve().toEntity(JsonNode.class), 200);
            assertThat(roster.get("headcount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 1);
            assertThat(Scenario.entryOf(roster, memberId).get("status").asText()).isEqualTo("PROBATIONARY");
        });
        JsonNode dayBefore = expect(board().get()
                .uri("/api/v1/organisations/{id}/roster?asOf=2025-08-18", scenario.branch)
                .retrieve().toEntity(JsonNode.class), 200);
        assertThat(dayBefore.get("headcount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);

        ConsumerRecord<String, String> published = firstRecordKeyed(memberId);
        assertThat(published.value()).contains("\"homeOrgId\":\"" + scenario.branch + "\"")
                .contains("\"ceremonyDate\":\"2025-08-19\"").doesNotContain("person name");
        assertThat(header(published, "ce_id")).isEqualTo(admittedEventId);
        assertThat(header(published, "ce_type")).isEqualTo("vn.partyledger.member.admitted.v1");
        assertThat(header(published, "ce_source")).isEqualTo(integration.source());
        assertThat(header(published, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void theCallerIsTheActorRecordedOnTheEvent() {
        Scenario scenario = new Scenario(as("board", "board-local-only")).organisationTree();

        JsonNode outcome = Scenario.expect(scenario.registerCandidate("m-" + scenario.suffix), 201);

        Document stored = storedEvent(outcome.get("eventIds").get(0).asText());
        assertThat(stored.get("metaData", Document.class).get("actor", Document.class).getString("userId"))
                .isEqualTo("board");
    }

    @Test
    void aCorrelationIdGivenByTheCallerIsCarriedToTheEvents() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String correlationId = "corr-" + UUID.randomUUID();

        expect(scenario.registerPerson("p-" + scenario.suffix, LocalDate.of(1995, 1, 1)), 201);
        ResponseEntity<JsonNode> response = board().post()
                .uri("/api/v1/members/{id}/register-candidate", "m-" + scenario.suffix)
                .header("X-Correlation-Id", correlationId)
                .body(Map.of("personId", "p-" + scenario.suffix, "branchId", scenario.branch, "source", "RESIDENT",
                        "registeredOn", "2025-03-03"))
                .retrieve().toEntity(JsonNode.class);

        JsonNode outcome = expect(response, 201);
        Document stored = storedEvent(outcome.get("eventIds").get(0).asText());
        assertThat(stored.get("metaData", Document.class).getString("correlationId")).isEqualTo(correlationId);
    }

    private ConsumerRecord<String, String> firstRecordKeyed(String key) {
        try (KafkaConsumer<String, String> consumer = reading(kafka.bootstrapServers(),
                integration.memberEventsTopic())) {
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        matching.add(record);
                    }
                });
                return !matching.isEmpty();
            });
            return matching.get(0);
        }
    }
}

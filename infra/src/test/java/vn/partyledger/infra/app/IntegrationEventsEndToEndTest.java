package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.IntegrationPublisher;
import vn.partyledger.infra.integration.PublishedSchemas;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.IntegratorConsumer.reading;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Read as a provincial integrator would (issue 12): a plain Kafka consumer reads both topics after decisions were
 * recorded over HTTP; every message validates against its published JSON Schema, carries the CloudEvents headers,
 * is keyed by its subject, has a unique {@code ce_id}, and one member's messages come in the member's timeline order.
 */
class IntegrationEventsEndToEndTest extends RunningApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();
    private static final String REPUBLISH = ADMIN + "integration/republish";

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    IntegrationProperties integration;

    @Autowired
    EventProcessingConfiguration processing;

    /**
     * A full member exempted for a month, out of contact for a while, recorded dead by mistake and the record
     * annulled.
     */
    private String fullMemberWithAHistory(Scenario scenario) {
        String memberId = "ie-" + scenario.suffix;
        scenario.fullMember(memberId);
        scenario.exemptedForAMonth(memberId);
        String approval = entryOfType(timeline(memberId), "AdmissionApproved");
        expect(scenario.step(memberId, "correct-entry-date", """
                {"eventId": "%s", "correctedDate": "2025-08-01", "reason": "WRONG_DATE",
                 "decision": {"docNumber": "331-QĐ/ĐU", "docDate": "2026-11-21", "issuingOrgId": "%s"}}
                """.formatted(approval, scenario.ward)), 200);
        expect(scenario.lostContact(memberId, "2026-10-12", "2026-10-20"), 200);
        expect(scenario.contactRestored(memberId, "2026-11-16"), 200);
        String death = expect(scenario.step(memberId, "record-death", """
                {"dateOfDeath": "2026-11-20"}
                """), 200).get("eventIds").get(0).asText();
        expect(scenario.step(memberId, "annul-entry", """
                {"eventId": "%s", "reason": "WRONG_MEMBER",
                 "decision": {"docNumber": "330-QĐ/ĐU", "docDate": "2026-11-21", "issuingOrgId": "%s"}}
                """.formatted(death, scenario.ward)), 200);
        return memberId;
    }

    /** A probationary member transferred officially to the ward's second branch. */
    private String transferredMember(Scenario scenario, String kp2) {
        String memberId = "it-" + scenario.suffix;
        String transferId = "tr-" + scenario.suffix;
        scenario.admittedMember(memberId);
        expect(scenario.issueTransferLetter(transferId, memberId, "OFFICIAL", kp2, null), 201);
        expect(scenario.presentTransferLetter(transferId, kp2, "2025-09-10"), 200);
        return memberId;
    }

    @Test
    void everyMessageValidatesAgainstItsSchemaCarriesItsHeadersAndKeepsTheMembersTimelineOrder() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String historied = fullMemberWithAHistory(scenario);
        String mover = transferredMember(scenario, kp2);

        // one member's messages are on one partition, not all members' on the same: wait for each one's last
        List<ConsumerRecord<String, String>> records = readUntil(read ->
                count(read, historied, "vn.partyledger.member.entry-annulled.v1") == 1
                        && count(read, mover, "vn.partyledger.member.transferred-in.v1") == 1
                        && count(read, kp2, "vn.partyledger.organisation.established.v1") == 1);

        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            assertThat(SCHEMAS.errors(type, JSON.readTree(record.value()))).as("%s %s", type, record.value()).isEmpty();
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo(integration.source());
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(JSON.readTree(record.value()).get(keyField(record)).asText()).isEqualTo(record.key());
            if (Set.of(historied, mover, kp2).contains(record.key())) {
                ids.add(header(record, "ce_id"));
            }
        }
        // an administrator's republish (the test below) sends copies of other members' messages on purpose
        assertThat(ids).doesNotHaveDuplicates();

        assertThat(typesOf(records, historied)).containsExactly("member.admitted.v1", "member.recognised.v1",
                "member.exempted.v1", "member.exemption-ended.v1", "member.entry-date-corrected.v1",
                "member.lost-contact.v1", "member.contact-restored.v1", "member.deceased.v1",
                "member.entry-annulled.v1");
        assertThat(idsOf(records, historied)).containsExactlyElementsOf(timelineIdsAmong(historied,
                idsOf(records, historied)));
        assertThat(typesOf(records, mover)).containsExactly("member.admitted.v1", "member.transferred-out.v1",
                "member.transferred-in.v1");
        assertThat(typesOf(records, kp2)).containsExactly("organisation.established.v1");
        JsonNode annulment = valueOf(records, historied, "member.entry-annulled.v1");
        assertThat(annulment.get("annulledEventId").asText()).isEqualTo(idOf(records, historied,
                "member.deceased.v1"));
        assertThat(annulment.get("restoredStatus").asText()).isEqualTo("FULL");
        JsonNode exempted = valueOf(records, historied, "member.exempted.v1");
        assertThat(exempted.has("reason")).as("the exemption's reason is never shared").isFalse();
    }

    @Test
    void anAdministratorRepublishesFromALogPositionTheSameMessagesAsFirstPublished() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "rp-" + scenario.suffix;
        scenario.fullMember(memberId);
        String admitted = idOf(readUntil(memberId, "vn.partyledger.member.recognised.v1"), memberId,
                "member.admitted.v1");
        long from = positionOf(admitted);

        JsonNode answer = expect(republish(as("administrator", "administrator-local-only"), from), 200);

        assertThat(answer.get("fromPosition").asLong()).isEqualTo(from);
        assertThat(answer.get("toPosition").asLong()).isGreaterThan(from);
        assertThat(answer.get("published").asInt()).isGreaterThanOrEqualTo(2);
        List<ConsumerRecord<String, String>> records = readUntil(read ->
                count(read, memberId, "vn.partyledger.member.recognised.v1") == 2);
        assertThat(typesOf(records, memberId)).containsExactly("member.admitted.v1", "member.recognised.v1",
                "member.admitted.v1", "member.recognised.v1");
        List<String> ids = idsOf(records, memberId);
        assertThat(ids.subList(2, 4)).isEqualTo(ids.subList(0, 2));
        assertThat(records.stream().filter(r -> memberId.equals(r.key())).map(ConsumerRecord::value).toList())
                .satisfies(values -> assertThat(values.subList(2, 4)).isEqualTo(values.subList(0, 2)));
    }

    @Test
    void republishingIsTheAdministratorsAloneAndAskedFromAPositionInTheLog() {
        ResponseEntity<JsonNode> byTheBoard = republish(board(), 0);
        ResponseEntity<JsonNode> negative = republish(as("administrator", "administrator-local-only"), -1);

        assertThat(byTheBoard.getStatusCode().value()).isEqualTo(403);
        assertThat(byTheBoard.getBody().get("code").asText()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private static ResponseEntity<JsonNode> republish(RestClient client, long fromPosition) {
        return client.post().uri(REPUBLISH).body("{\"fromPosition\": " + fromPosition + "}").retrieve()
                .toEntity(JsonNode.class);
    }

    /** The log position of an event, read through the log (a test-sized one). */
    private long positionOf(String eventId) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> log = eventStore.openStream(null)) {
            while (log.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = log.nextAvailable();
                if (event.getIdentifier().equals(eventId)) {
                    return event.trackingToken().position().orElseThrow();
                }
            }
        }
        throw new AssertionError("no event " + eventId + " in the log");
    }

    /** A rebuild resets processors to replay the log: the publisher refuses, so it never republishes. */
    @Test
    void thePublisherCannotBeResetForARebuild() {
        StreamingEventProcessor publisher = processing.eventProcessor(IntegrationPublisher.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();

        assertThat(publisher.supportsReset()).isFalse();
    }

    /** The message's key is its first field: the member's or organisation's id (docs/integration/events.v1.md). */
    private static String keyField(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value()).fieldNames().next();
    }

    private String entryOfType(JsonNode timeline, String eventType) {
        for (JsonNode entry : timeline.get("entries")) {
            if (entry.get("eventType").asText().equals(eventType)) {
                return entry.get("eventId").asText();
            }
        }
        throw new AssertionError("no " + eventType + " in " + timeline);
    }

    private JsonNode timeline(String memberId) {
        return expect(as("auditor", "auditor-local-only").get().uri("/api/v1/members/{id}/timeline", memberId)
                .retrieve().toEntity(JsonNode.class), 200);
    }

    /** The member's timeline entries that were published, in timeline order. */
    private List<String> timelineIdsAmong(String memberId, List<String> published) {
        Set<String> publishedIds = new HashSet<>(published);
        List<String> ids = new ArrayList<>();
        timeline(memberId).get("entries").forEach(entry -> {
            if (publishedIds.contains(entry.get("eventId").asText())) {
                ids.add(entry.get("eventId").asText());
            }
        });
        return ids;
    }

    /** Every record of both topics from the start, read until the subject's message of that type arrived. */
    private List<ConsumerRecord<String, String>> readUntil(String subject, String type) {
        return readUntil(records -> count(records, subject, type) >= 1);
    }

    /** How many of the subject's messages of that CloudEvents type are among the records. */
    private static long count(List<ConsumerRecord<String, String>> records, String subject, String type) {
        return records.stream().filter(r -> subject.equals(r.key()) && type.equals(header(r, "ce_type"))).count();
    }

    /** Every record of both topics from the start, read until they satisfy {@code done}. */
    private List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reading(kafka.bootstrapServers(),
                integration.memberEventsTopic(), integration.organisationEventsTopic())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    private static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> records,
                                                           String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    private static List<String> typesOf(List<ConsumerRecord<String, String>> records, String key) {
        return of(records, key).stream().map(r -> header(r, "ce_type").substring("vn.partyledger.".length()))
                .toList();
    }

    private static List<String> idsOf(List<ConsumerRecord<String, String>> records, String key) {
        return of(records, key).stream().map(r -> header(r, "ce_id")).toList();
    }

    private static ConsumerRecord<String, String> recordOf(List<ConsumerRecord<String, String>> records, String key,
                                                           String type) {
        return of(records, key).stream().filter(r -> header(r, "ce_type").equals("vn.partyledger." + type))
                .findFirst().orElseThrow();
    }

    private static String idOf(List<ConsumerRecord<String, String>> records, String key, String type) {
        return header(recordOf(records, key, type), "ce_id");
    }

    private static JsonNode valueOf(List<ConsumerRecord<String, String>> records, String key, String type)
            throws Exception {
        return JSON.readTree(recordOf(records, key, type).value());
    }
}

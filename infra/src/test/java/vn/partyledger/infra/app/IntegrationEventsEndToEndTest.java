package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.IntegrationPublisher;
import vn.partyledger.infra.integration.PublishedSchemas;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Read as a provincial integrator would (issue 12): a plain Kafka consumer reads both topics after decisions were
 * recorded over HTTP; every message validates against its published JSON Schema, carries the CloudEvents headers,
 * is keyed by its subject, has a unique {@code ce_id}, and one member's messages come in the member's timeline order.
 */
class IntegrationEventsEndToEndTest extends RunningApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    IntegrationProperties integration;

    @Autowired
    EventProcessingConfiguration processing;

    /** A full member exempted for a month, out of contact for a while, recorded dead by mistake and the record annulled. */
    private String fullMemberWithAHistory(Scenario scenario) {
        String memberId = "ie-" + scenario.suffix;
        scenario.fullMember(memberId);
        expect(scenario.post("/api/v1/members/" + memberId + "/grant-exemption", """
                {"kind": "TEMPORARY", "reason": "WORKING_AWAY", "from": "2026-09-05", "until": "2027-03-01",
                 "applicationRef": "don-%s",
                 "resolution": {"docNumber": "12-NQ", "docDate": "2026-09-05", "issuingOrgId": "%s"}}
                """.formatted(memberId, scenario.ward)), 200);
        expect(scenario.post("/api/v1/members/" + memberId + "/end-exemption", """
                {"reason": "MEMBER_RESUMED", "endedOn": "2026-10-05", "returnFeedbackRef": "nx-1"}
                """), 200);
        String approval = entryOfType(timeline(memberId), "AdmissionApproved");
        expect(scenario.step(memberId, "correct-entry-date", """
                {"eventId": "%s", "correctedDate": "2025-08-01", "reason": "WRONG_DATE",
                 "decision": {"docNumber": "331-QĐ/ĐU", "docDate": "2026-11-21", "issuingOrgId": "%s"}}
                """.formatted(approval, scenario.ward)), 200);
        expect(scenario.step(memberId, "record-lost-contact", """
                {"from": "2026-10-12",
                 "decision": {"docNumber": "NQ-10/CB", "docDate": "2026-10-20", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch)), 200);
        expect(scenario.step(memberId, "record-contact-restored", """
                {"to": "2026-11-16",
                 "decision": {"docNumber": "NQ-11/CB", "docDate": "2026-11-16", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch)), 200);
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

        List<ConsumerRecord<String, String>> records = readUntil(historied, "vn.partyledger.member.entry-annulled.v1");

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
            ids.add(header(record, "ce_id"));
        }
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
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "integrator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(integration.memberEventsTopic(), integration.organisationEventsTopic()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.stream().anyMatch(r -> subject.equals(r.key()) && type.equals(header(r, "ce_type")));
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

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

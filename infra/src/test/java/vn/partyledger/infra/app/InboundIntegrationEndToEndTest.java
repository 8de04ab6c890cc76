package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.PublishedSchemas;
import vn.partyledger.infra.integration.inbound.InboundProperties;
import vn.partyledger.infra.app.OtherProvince.Sent;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.IntegratorConsumer.firstOn;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Another province sends this one messages on the inbound topic (issue 12 item 3, ADR 0045), as its system would: a
 * plain producer, CloudEvents binary headers. A valid letter becomes its command and event once, however often it
 * comes; a malformed, a schema-invalid and a rule-breaking message each land on the dead-letter topic with the reason
 * while the consumer goes on to the next; a message addressed to another province is not applied; the administrator
 * lists the dead letters and retries one after the fix.
 */
class InboundIntegrationEndToEndTest extends RunningApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();
    private static final String TYPE = "vn.partyledger.member.transfer-letter-sent.v1";
    private static final String REFUSED = "vn.partyledger.member.transfer-refused.v1";
    private static final String PRESENTED = "vn.partyledger.member.transfer-presented.v1";
    private static final String SENDER = "urn:partyledger:province:hn";
    private static final String DEAD_LETTERS = ADMIN + "integration/dead-letters";
    private static final LocalDate LETTER = LocalDate.of(2026, 11, 2);

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    IntegrationProperties integration;

    @Autowired
    InboundProperties inbound;

    private RestClient administrator() {
        return as("administrator", "administrator-local-only");
    }

    private static String letter(String memberId, String transferId, String toOrgId) {
        return OtherProvince.letter(memberId, transferId, toOrgId, LETTER);
    }

    /** Hà Nội's system, sending letters to this province. */
    private OtherProvince otherProvince() {
        return new OtherProvince(kafka.bootstrapServers(), inbound.topic(), SENDER, integration.source(), TYPE);
    }

    /** A new tree's branch, and a letter from Hà Nội to it for {@code prefix}-member, recorded here. */
    private record IncomingLetter(Scenario scenario, String member, String transfer) {
    }

    private IncomingLetter letterFromHaNoi(String prefix, LocalDate letterDate) throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = prefix + scenario.suffix;
        String transfer = "in-" + prefix + scenario.suffix;
        try (OtherProvince sender = otherProvince()) {
            sender.send(member, OtherProvince.letter(member, transfer, scenario.branch, letterDate));
        }
        awaitRecorded(transfer);
        return new IncomingLetter(scenario, member, transfer);
    }

    private void awaitRecorded(String transferId) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> eventsOf(transferId) > 0);
    }

    private JsonNode deadLetter(String ceId) {
        JsonNode list = expect(administrator().get().uri(DEAD_LETTERS).retrieve().toEntity(JsonNode.class), 200);
        for (JsonNode entry : list) {
            if (ceId.equals(entry.path("ceId").asText())) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void aValidLetterIsAppliedOnceAndEachPoisonMessageIsDeadLetteredWithItsReasonWhileTheConsumerGoesOn()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = "hn-m-" + suffix;
        String applied = "in-t1-" + suffix;
        String elsewhere = "in-t5-" + suffix;
        String last = "in-t9-" + suffix;
        try (OtherProvince sender = otherProvince()) {
            Sent valid = sender.send(member, letter(member, applied, scenario.branch));
            assertThat(SCHEMAS.errors(TYPE, JSON.readTree(valid.value()))).isEmpty();
            awaitRecorded(applied);

            sender.send(member, valid.ceId(), integration.source(), valid.value());
            Sent malformed = sender.send(member, "{\"memberId\": \"" + member + "\", ");
            String withAName = letter(member, "in-t2-" + suffix, scenario.branch)
                    .replace("\"letterNo\"", "\"name\": \"Nguyễn Văn A\", \"letterNo\"");
            assertThat(SCHEMAS.errors(TYPE, JSON.readTree(withAName))).isNotEmpty();
            Sent schemaInvalid = sender.send(member, withAName);
            Sent ruleBreaking = sender.send(member, letter(member, "in-t3-" + suffix, "kp9-" + suffix));
            Sent forAnother = sender.send(member, UUID.randomUUID().toString(), "urn:partyledger:province:dn",
                    letter(member, elsewhere, scenario.branch));
            sender.send(member, letter(member, last, scenario.branch));
            awaitRecorded(last);

            assertThat(eventTypesOf(applied)).as("the letter sent twice").containsExactly("IncomingTransferRecorded");
            Document recorded = lastEventOf(applied);
            assertThat(recorded.get("metaData", Document.class).get("actor", Document.class))
                    .containsEntry("userId", "inbound:" + SENDER).containsEntry("role", "PROVINCIAL_SYSTEM");
            assertThat(eventsOf(elsewhere)).as("addressed to another province").isZero();
            assertThat(deadLetter(forAnother.ceId())).isNull();
            assertThat(deadLetter(valid.ceId())).isNull();

            assertThat(deadLetter(malformed.ceId()).path("reasonKind").asText()).isEqualTo("MALFORMED");
            JsonNode invalid = deadLetter(schemaInvalid.ceId());
            assertThat(invalid.path("reasonKind").asText()).isEqualTo("SCHEMA_INVALID");
            assertThat(invalid.path("reason").asText()).contains("name");
            JsonNode refused = deadLetter(ruleBreaking.ceId());
            assertThat(refused.path("reasonKind").asText()).isEqualTo("RULE_BROKEN");
            assertThat(refused.path("rule").asText()).isEqualTo("anIncomingLetterIsAddressedToABranchOfThisProvince");
            assertThat(refused.path("code").asText()).isEqualTo("INCOMING_TRANSFER");
            assertThat(refused.path("applied").asBoolean()).isFalse();
            assertThat(refused.has("message")).as("the message is kept, not listed").isFalse();
            assertThat(deadLetterHeaders(ruleBreaking.ceId()))
                    .containsEntry("dlq_reason_kind", "RULE_BROKEN")
                    .containsEntry("dlq_rule", "anIncomingLetterIsAddressedToABranchOfThisProvince")
                    .containsEntry("dlq_code", "INCOMING_TRANSFER")
                    .containsEntry("ce_source", SENDER)
                    .containsKey("dlq_reason");
        }
    }

    @Test
    void theAdministratorRetriesADeadLetterAfterTheFixAndItIsAppliedOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = "hn-r-" + suffix;
        String transfer = "in-r1-" + suffix;
        String notYetFounded = "kp8-" + suffix;
        Sent refused;
        try (OtherProvince sender = otherProvince()) {
            refused = sender.send(member, letter(member, transfer, notYetFounded));
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> deadLetter(refused.ceId()) != null);
        String retry = DEAD_LETTERS + "/" + refused.ceId() + "/retry";

        ResponseEntity<JsonNode> still = administrator().post().uri(retry).retrieve().toEntity(JsonNode.class);
        assertThat(expect(still, 422).path("rule").asText())
                .isEqualTo("anIncomingLetterIsAddressedToABranchOfThisProvince");
        assertThat(still.getHeaders().getContentType()).hasToString("application/problem+json");

        scenario.branchOf(scenario.ward, notYetFounded, "Chi bộ Khu phố 8", LocalDate.of(2026, 1, 5), 0);
        assertThat(expect(administrator().post().uri(retry).retrieve().toEntity(JsonNode.class), 200)
                .path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(expect(administrator().post().uri(retry).retrieve().toEntity(JsonNode.class), 200)
                .path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(eventTypesOf(transfer)).containsExactly("IncomingTransferRecorded");
        assertThat(deadLetter(refused.ceId()).path("applied").asBoolean()).isTrue();

        ResponseEntity<JsonNode> unknown = administrator().post().uri(DEAD_LETTERS + "/no-such-id/retry").retrieve()
                .toEntity(JsonNode.class);
        assertThat(expect(unknown, 404).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theAddresseeMarksOverdueAndRefusesALetterFromAnotherProvinceAndThatProvinceIsToldOnTheExchange()
            throws Exception {
        LocalDate letterDate = LocalDate.of(2025, 9, 3);
        IncomingLetter letter = letterFromHaNoi("hn-x-", letterDate);
        Scenario scenario = letter.scenario();
        String member = letter.member();
        String transfer = letter.transfer();

        String incoming = "/api/v1/incoming-transfers/" + transfer;
        expect(scenario.post(incoming + "/mark-incoming-transfer-overdue", """
                {"receivingOrgId": "%s", "asOf": "%s"}
                """.formatted(scenario.branch, letterDate.plusDays(43))), 200);
        expect(scenario.post(incoming + "/refuse-incoming-transfer", """
                {"receivingOrgId": "%s", "reason": "NOT_PRESENTED", "refusedOn": "%s"}
                """.formatted(scenario.branch, letterDate.plusDays(50))), 200);

        ConsumerRecord<String, String> told = firstOn(kafka.bootstrapServers(), inbound.topic(),
                record -> member.equals(record.key()) && REFUSED.equals(header(record, "ce_type")));
        assertThat(header(told, "ce_destination")).isEqualTo(SENDER);
        assertThat(header(told, "ce_source")).isEqualTo(integration.source());
        JsonNode value = JSON.readTree(told.value());
        assertThat(SCHEMAS.errors(REFUSED, value)).isEmpty();
        assertThat(value.path("reason").asText()).isEqualTo("NOT_PRESENTED");
        assertThat(eventTypesOf(transfer)).containsExactly("IncomingTransferRecorded", "IncomingTransferOverdue",
                "IncomingTransferRefused");
    }

    @Test
    void theMemberPresentsALetterFromAnotherProvinceGoesOntoTheRollAndThatProvinceIsToldOnTheExchange()
            throws Exception {
        IncomingLetter letter = letterFromHaNoi("hn-p-", LETTER);
        Scenario scenario = letter.scenario();
        String member = letter.member();
        String transfer = letter.transfer();
        String incoming = "/api/v1/incoming-transfers/" + transfer + "/present-incoming-transfer";

        JsonNode unregistered = expect(scenario.post(incoming, """
                {"receivingOrgId": "%s", "personId": "nobody-%s", "presentedOn": "%s"}
                """.formatted(scenario.branch, scenario.suffix, LETTER.plusDays(5))), 422);
        assertThat(unregistered.path("rule").asText()).isEqualTo("theMemberPresentingALetterIsARegisteredPerson");
        assertThat(eventTypesOf(member)).as("nothing written for a refused presentation").isEmpty();

        expect(scenario.presentIncomingTransfer(transfer, member, LETTER.plusDays(5).toString()), 200);
        JsonNode again = expect(scenario.post(incoming, """
                {"receivingOrgId": "%s", "personId": "%s", "presentedOn": "%s"}
                """.formatted(scenario.branch, Scenario.personOf(member), LETTER.plusDays(6))), 422);
        assertThat(again.path("rule").asText()).isEqualTo("onlyAnOpenIncomingLetterIsAnswered");

        assertThat(eventTypesOf(transfer)).containsExactly("IncomingTransferRecorded", "IncomingTransferPresented");
        assertThat(eventTypesOf(member)).containsExactly("MemberJoinedFromProvince");
        await().atMost(30, TimeUnit.SECONDS).until(() -> scenario.onTheRoster(scenario.branch).contains(member));
        JsonNode timeline = expect(board().get().uri("/api/v1/members/{id}/timeline", member).retrieve()
                .toEntity(JsonNode.class), 200);
        assertThat(timeline.toString()).contains("MemberJoinedFromProvince").contains(SENDER);

        ConsumerRecord<String, String> told = firstOn(kafka.bootstrapServers(), inbound.topic(),
                record -> member.equals(record.key()) && PRESENTED.equals(header(record, "ce_type")));
        assertThat(header(told, "ce_destination")).isEqualTo(SENDER);
        JsonNode confirmation = JSON.readTree(told.value());
        assertThat(SCHEMAS.errors(PRESENTED, confirmation)).isEmpty();
        assertThat(confirmation.path("presentedOn").asText()).isEqualTo(LETTER.plusDays(5).toString());
        ConsumerRecord<String, String> joined = firstOn(kafka.bootstrapServers(), integration.memberEventsTopic(),
                record -> member.equals(record.key()));
        assertThat(header(joined, "ce_type")).isEqualTo("vn.partyledger.member.joined-from-province.v1");
        assertThat(SCHEMAS.errors(header(joined, "ce_type"), JSON.readTree(joined.value()))).isEmpty();
        assertThat(joined.value()).doesNotContain(Scenario.personOf(member));
    }

    @Test
    void onlyTheAdministratorListsAndRetriesDeadLetters() {
        assertThat(board().get().uri(DEAD_LETTERS).retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(board().post().uri(DEAD_LETTERS + "/any/retry").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(anonymous().get().uri(DEAD_LETTERS).retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(401);
    }

    /** The headers of a dead letter as a plain consumer of the dead-letter topic reads them. */
    private Map<String, String> deadLetterHeaders(String ceId) {
        Map<String, String> headers = new HashMap<>();
        firstOn(kafka.bootstrapServers(), inbound.deadLetterTopic(), record -> ceId.equals(header(record, "ce_id")))
                .headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}

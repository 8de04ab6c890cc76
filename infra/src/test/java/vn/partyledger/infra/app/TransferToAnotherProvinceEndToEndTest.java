package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.PublishedSchemas;
import vn.partyledger.infra.integration.inbound.InboundProperties;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.util.List;
import java.util.concurrent.TimeUnit;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.IntegratorConsumer.firstOn;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * A board issues an official letter to a branch of another province over HTTP (issue 12 item 4, ADR 0046): the case
 * opens here with the member still on this roll, and the letter leaves on the exchange between provinces, addressed
 * to that province, with the member's transferable record, valid against its published schema; this province's own
 * consumer does not take it in, nobody here may present it, and the sending side marks it overdue after 30 working
 * days. A refusal from that province returns the member; one from another province is dead-lettered.
 */
class TransferToAnotherProvinceEndToEndTest extends RunningApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();
    private static final String HA_NOI = "urn:partyledger:province:hn";
    private static final String REFUSED = "vn.partyledger.member.transfer-refused.v1";
    private static final String PRESENTED = "vn.partyledger.member.transfer-presented.v1";

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    IntegrationProperties integration;

    @Autowired
    InboundProperties inbound;

    /** A full member of a new tree's branch, and the case of the letter issued to Hà Nội's hn-kp7 for them. */
    private record LetterSent(Scenario scenario, String member, String transfer) {
    }

    private LetterSent fullMemberSentToHaNoi() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = "xp-" + scenario.suffix;
        String transfer = "xpt-" + scenario.suffix;
        scenario.fullMember(member);
        expect(scenario.issueTransferLetterToProvince(transfer, member, HA_NOI, "hn-kp7"), 201);
        return new LetterSent(scenario, member, transfer);
    }

    @Test
    void aLetterToAnotherProvinceLeavesOnTheExchangeWithTheMembersRecordAddressedToThatProvince() throws Exception {
        LetterSent sent = fullMemberSentToHaNoi();
        Scenario scenario = sent.scenario();
        String member = sent.member();
        String transfer = sent.transfer();

        ConsumerRecord<String, String> letter = firstOn(kafka.bootstrapServers(), inbound.topic(),
                record -> member.equals(record.key()));
        assertThat(header(letter, "ce_id")).isEqualTo(lastEventOf(transfer).getString("eventIdentifier"));
        assertThat(header(letter, "ce_type")).isEqualTo("vn.partyledger.member.transfer-letter-sent.v1");
        assertThat(header(letter, "ce_source")).isEqualTo(integration.source());
        assertThat(header(letter, "ce_destination")).isEqualTo(HA_NOI);
        JsonNode value = JSON.readTree(letter.value());
        assertThat(SCHEMAS.errors(header(letter, "ce_type"), value)).isEmpty();
        assertThat(value.path("toOrgId").asText()).isEqualTo("hn-kp7");
        assertThat(value.path("record").path("status").asText()).isEqualTo("FULL");
        assertThat(value.path("record").path("recognitionDate").isTextual()).isTrue();
        assertThat(value.toString()).doesNotContain(Scenario.personOf(member)).doesNotContain("RESIDENCE_CHANGE");

        assertThat(eventTypesOf(member)).contains("MemberTransferOpened");
        // nobody here acts for the addressee, so nobody here may present the letter (the rule behind it:
        // TransferToAnotherProvinceTest); the sending side marks it overdue once its 30 working days have passed
        expect(scenario.presentTransferLetter(transfer, "hn-kp7", "2025-09-10"), 403);
        expect(scenario.post("/api/v1/transfers/" + transfer + "/mark-transfer-overdue", """
                {"asOf": "2025-11-03"}
                """), 200);
        assertThat(eventTypesOf(transfer)).as("its own consumer skipped it: no incoming transfer opened on the id")
                .containsExactly("TransferLetterSentToProvince", "TransferOverdue");
    }

    @Test
    void aPresentationThatProvinceConfirmsTakesTheMemberOffThisRollAndTheRecordHereTakesNoFurtherDecision()
            throws Exception {
        LetterSent sent = fullMemberSentToHaNoi();
        Scenario scenario = sent.scenario();
        String member = sent.member();
        String transfer = sent.transfer();
        String presented = """
                {"memberId": "%s", "transferId": "%s", "toOrgId": "hn-kp7", "presentedOn": "2025-09-15"}
                """.formatted(member, transfer);
        assertThat(SCHEMAS.errors(PRESENTED, JSON.readTree(presented))).isEmpty();
        try (OtherProvince haNoi = new OtherProvince(kafka.bootstrapServers(), inbound.topic(), HA_NOI,
                integration.source(), PRESENTED)) {
            haNoi.send(member, presented);
        }

        await().atMost(30, TimeUnit.SECONDS).until(() -> eventTypesOf(transfer).contains("TransferPresentedInProvince"));
        assertThat(eventTypesOf(transfer)).containsExactly("TransferLetterSentToProvince",
                "TransferPresentedInProvince");
        List<String> memberEvents = eventTypesOf(member);
        assertThat(memberEvents.get(memberEvents.size() - 1)).isEqualTo("MemberLeftForProvince");
        await().atMost(30, TimeUnit.SECONDS).until(() -> !scenario.onTheRoster(scenario.branch).contains(member));

        ConsumerRecord<String, String> left = firstOn(kafka.bootstrapServers(), integration.memberEventsTopic(),
                record -> member.equals(record.key())
                        && "vn.partyledger.member.left-for-province.v1".equals(header(record, "ce_type")));
        JsonNode value = JSON.readTree(left.value());
        assertThat(SCHEMAS.errors(header(left, "ce_type"), value)).isEmpty();
        assertThat(value.path("toProvince").asText()).isEqualTo(HA_NOI);

        JsonNode refused = expect(scenario.lostContact(member, "2025-10-01", "2025-10-02"), 422);
        assertThat(refused.path("rule").asText()).isEqualTo("aMemberOnAnotherProvincesRollIsDecidedThere");
    }

    @Test
    void aRefusalFromTheProvinceTheLetterWasSentToReturnsTheMemberAndOneFromAnotherIsDeadLettered() throws Exception {
        LetterSent sent = fullMemberSentToHaNoi();
        String member = sent.member();
        String transfer = sent.transfer();
        String refusal = """
                {"memberId": "%s", "transferId": "%s", "reason": "WRONG_ADDRESSEE", "refusedOn": "2025-09-12"}
                """.formatted(member, transfer);
        assertThat(SCHEMAS.errors(REFUSED, JSON.readTree(refusal))).isEmpty();

        OtherProvince.Sent impostor;
        try (OtherProvince daNang = new OtherProvince(kafka.bootstrapServers(), inbound.topic(),
                "urn:partyledger:province:dn", integration.source(), REFUSED);
             OtherProvince haNoi = new OtherProvince(kafka.bootstrapServers(), inbound.topic(), HA_NOI,
                     integration.source(), REFUSED)) {
            impostor = daNang.send(member, refusal);
            haNoi.send(member, refusal);
        }

        await().atMost(30, TimeUnit.SECONDS).until(() -> eventTypesOf(transfer).contains("TransferRefusedByProvince"));
        assertThat(eventTypesOf(transfer)).containsExactly("TransferLetterSentToProvince", "TransferRefusedByProvince");
        assertThat(lastEventOf(transfer).get("payload", Document.class))
                .containsEntry("reason", "WRONG_ADDRESSEE").containsEntry("refusingProvince", HA_NOI);
        List<String> memberEvents = eventTypesOf(member);
        assertThat(memberEvents.get(memberEvents.size() - 1)).as("back from transit, on this roll all along")
                .isEqualTo("MemberTransferClosed");
        ConsumerRecord<String, String> deadLetter = firstOn(kafka.bootstrapServers(), inbound.deadLetterTopic(),
                record -> impostor.ceId().equals(header(record, "ce_id")));
        assertThat(header(deadLetter, "dlq_rule")).isEqualTo("onlyTheProvinceALetterWasSentToAnswersIt");
    }
}

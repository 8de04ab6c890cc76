package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.PublishedSchemas;
import vn.partyledger.infra.integration.inbound.InboundProperties;
import vn.partyledger.infra.kafka.KafkaEndpoint;


import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.IntegratorConsumer.firstOn;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * A board issues an official letter to a branch of another province over HTTP (issue 12 item 4, ADR 0046): the case
 * opens here with the member still on this roll, and the letter leaves on the exchange between provinces, addressed
 * to that province, with the member's transferable record, valid against its published schema; this province's own
 * consumer does not take it in, nobody here may present it, and the sending side marks it overdue after 30 working
 * days.
 */
class TransferToAnotherProvinceEndToEndTest extends RunningApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();
    private static final String HA_NOI = "urn:partyledger:province:hn";

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    IntegrationProperties integration;

    @Autowired
    InboundProperties inbound;

    @Test
    void aLetterToAnotherProvinceLeavesOnTheExchangeWithTheMembersRecordAddressedToThatProvince() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = "xp-" + scenario.suffix;
        String transfer = "xpt-" + scenario.suffix;
        scenario.fullMember(member);

        expect(scenario.issueTransferLetterToProvince(transfer, member, HA_NOI, "hn-kp7"), 201);

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
}

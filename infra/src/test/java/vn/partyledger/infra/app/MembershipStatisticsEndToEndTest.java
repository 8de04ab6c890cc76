package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.partyledger.infra.audit.AccessAudit;
import vn.partyledger.infra.audit.AccessPurpose;
import vn.partyledger.infra.audit.AccessedData;
import vn.partyledger.infra.audit.ReadAccessAudit;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Membership statistics over HTTP (issue 11 item 5, ADR 0039): the ward's members by status and age group at the end
 * of 2025, and its losses of the year, a death annulled as keyed against the wrong member left out.
 */
class MembershipStatisticsEndToEndTest extends RunningApplication {

    @Autowired
    AccessAudit audit;
    @Autowired
    Clock clock;

    @Test
    void theWardsMembersByStatusAndAgeGroupAndItsLossesOfTheYear() {
        Scenario scenario = new Scenario(board()).organisationTree();
        JsonNode admitted = scenario.admittedMember("m-" + scenario.suffix);
        String died = Scenario.onPaper(scenario.branch, 9);
        expect(scenario.step(died, "record-death", """
                {"dateOfDeath": "2025-10-01"}
                """), 200);
        String wrongMember = Scenario.onPaper(scenario.branch, 8);
        JsonNode keyedWrongly = expect(scenario.step(wrongMember, "record-death", """
                {"dateOfDeath": "2025-10-01"}
                """), 200);
        JsonNode annulled = expect(scenario.step(wrongMember, "annul-entry", """
                {"eventId": "%s", "reason": "WRONG_MEMBER",
                 "decision": {"docNumber": "330-QĐ/ĐU", "docDate": "2025-10-20", "issuingOrgId": "%s"}}
                """.formatted(keyedWrongly.get("eventIds").get(0).asText(), scenario.ward)), 200);
        long position = Math.max(admitted.get("position").asLong(), annulled.get("position").asLong());

        JsonNode membership = expect(board().get().uri("/api/v1/organisations/{id}/statistics/membership"
                        + "?asOf=2025-12-31&minPosition={position}", scenario.ward, position)
                .retrieve().toEntity(JsonNode.class), 200);
        JsonNode losses = expect(board().get().uri("/api/v1/organisations/{id}/statistics/losses?year=2025"
                        + "&minPosition={position}", scenario.ward, position)
                .retrieve().toEntity(JsonNode.class), 200);

        JsonNode ward = membership.get("total");
        assertThat(ward.get("byStatus").get("headcount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);
        assertThat(ward.get("byStatus").get("full").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER - 1);
        assertThat(ward.get("byStatus").get("probationary").asInt()).isEqualTo(1);
        assertThat(ward.get("byStatus").get("inTransit").asInt()).isZero();
        assertThat(ward.get("byAgeGroup").get(0).get("from").asInt()).isEqualTo(18);
        assertThat(ward.get("byAgeGroup").get(0).get("to").asInt()).isEqualTo(30);
        assertThat(ward.get("byAgeGroup").get(0).get("members").asInt()).as("the new member, 25").isEqualTo(1);
        JsonNode over70 = ward.get("byAgeGroup").get(5);
        assertThat(over70.get("from").asInt()).isEqualTo(71);
        assertThat(over70.get("to").isNull()).isTrue();
        assertThat(over70.get("members").asInt()).as("the members on paper, born 1945, one of them dead")
                .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER - 1);
        assertThat(membership.get("subOrganisations").get(0).get("orgId").asText()).isEqualTo(scenario.branch);
        String newMember = Scenario.personOf("m-" + scenario.suffix);
        assertThat(audit.reads(new ReadAccessAudit(newMember, LocalDate.now(clock), LocalDate.now(clock)), 100))
                .as("each member's date of birth counted is a read recorded for statistics")
                .anySatisfy(read -> {
                    assertThat(read.userId()).isEqualTo("board");
                    assertThat(read.data()).isEqualTo(AccessedData.DATE_OF_BIRTH_COUNTED);
                    assertThat(read.purpose()).isEqualTo(AccessPurpose.STATISTICS);
                });

        JsonNode lost = losses.get("total");
        assertThat(lost.get("byKind").get("DEATH").asInt()).as("the annulled death never happened").isEqualTo(1);
        assertThat(lost.get("byKind").get("TRANSFER_OUT").asInt()).isZero();
        assertThat(losses.get("subOrganisations").get(0).get("byKind").get("DEATH").asInt()).isEqualTo(1);
    }
}

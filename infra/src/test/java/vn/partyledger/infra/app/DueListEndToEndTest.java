package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Seed 000's admission over HTTP, followed through the ward's due list (issue 11 item 6): the decision due after the
 * branch's vote, then the ceremony after the receipt, then probation's end — each read with the position the command
 * answered, so the list already shows it.
 */
class DueListEndToEndTest extends RunningApplication {

    @Test
    void theWardsDueListFollowsAnAdmissionFromTheVoteToProbation() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.Admission admission = scenario.admissionIn(scenario.branch);
        scenario.readyForDecision(memberId);

        // the votes' positions are not at hand here: the list is asked again until it has read them
        JsonNode afterVotes = await().atMost(Duration.ofSeconds(30)).until(
                () -> due(scenario.ward, admission.branchVoteOn().toString(), 90, 0),
                list -> list.get("items").findValuesAsText("memberId").contains(memberId));
        JsonNode decided = expect(scenario.decideAdmission(memberId), 200);
        JsonNode afterDecision = due(scenario.ward, admission.decidedOn().plusDays(2).toString(), 90,
                decided.get("position").asLong());
        JsonNode admitted = expect(scenario.admit(memberId, admission.ceremonyOn().toString()), 200);
        JsonNode afterCeremony = due(scenario.ward, admission.ceremonyOn().toString(), 366,
                admitted.get("position").asLong());

        assertThat(itemOf(afterVotes, memberId).get("kind").asText()).isEqualTo("ADMISSION_DECISION");
        assertThat(itemOf(afterVotes, memberId).get("branchId").asText()).isEqualTo(scenario.branch);
        assertThat(LocalDate.parse(itemOf(afterVotes, memberId).get("dueOn").asText()))
                .isAfter(admission.branchVoteOn().plusDays(60));
        assertThat(itemOf(afterDecision, memberId).get("kind").asText()).isEqualTo("CEREMONY");
        assertThat(itemOf(afterCeremony, memberId).get("kind").asText()).isEqualTo("PROBATION_END");
        assertThat(itemOf(afterCeremony, memberId).get("dueOn").asText())
                .isEqualTo(admission.ceremonyOn().plusMonths(12).toString());
    }

    /** The list as of a date, read once the due list has read through {@code minPosition}. */
    private JsonNode due(String orgId, String asOf, int within, long minPosition) {
        return expect(board().get().uri("/api/v1/organisations/{id}/due?asOf={asOf}&within={within}"
                + "&minPosition={position}", orgId, asOf, within, minPosition).retrieve().toEntity(JsonNode.class), 200);
    }

    private static JsonNode itemOf(JsonNode list, String memberId) {
        for (JsonNode item : list.get("items")) {
            if (item.get("memberId").asText().equals(memberId)) {
                return item;
            }
        }
        throw new AssertionError(memberId + " has nothing due in " + list);
    }
}

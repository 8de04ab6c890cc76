package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.decision;
import static vn.partyledger.infra.app.Scenario.expect;

/** The tree under a ward before and after two of its branches merged, read as the merge's answer says (issue 11 item 4). */
class OrganisationTreeEndToEndTest extends RunningApplication {

    @Test
    void aWardsTreeShowsItsOldBranchesLeadingToTheMergedOneAndTheMergedOneComingFromThem() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String merged = "kp12-" + scenario.suffix;
        scenario.branchOf(scenario.ward, merged, "Chi bộ Khu phố 1-2", LocalDate.of(2025, 7, 1), 0);
        JsonNode merge = expect(scenario.post("/api/v1/organisations/" + merged + "/merge", """
                {"sourceOrgIds": ["%s", "%s"], "effectiveDate": "2025-09-01", "decision": %s}
                """.formatted(scenario.branch, kp2, decision("30-QĐ/ĐU", "2025-08-28", scenario.ward))), 200);
        long position = merge.get("position").asLong();

        JsonNode before = expect(tree(scenario.ward, "2025-08-31", position), 200);
        JsonNode after = expect(tree(scenario.ward, "2025-09-01", position), 200);

        assertThat(before.findValuesAsText("orgId")).as("the ward and its branches the day before")
                .contains(scenario.ward, scenario.branch, kp2, merged);
        for (JsonNode branch : before.get("children")) {
            if (!branch.get("orgId").asText().equals(merged)) {
                assertThat(branch.get("successors").get(0).get("orgId").asText()).isEqualTo(merged);
                assertThat(branch.get("successors").get(0).get("on").asText()).isEqualTo("2025-09-01");
                assertThat(branch.get("dissolvedOn").asText()).isEqualTo("2025-09-01");
            }
        }
        assertThat(after.get("children")).hasSize(1);
        JsonNode mergedBranch = after.get("children").get(0);
        assertThat(mergedBranch.get("orgId").asText()).isEqualTo(merged);
        assertThat(mergedBranch.get("predecessors").findValuesAsText("orgId"))
                .containsExactlyInAnyOrder(scenario.branch, kp2);
        assertThat(after.get("name").asText()).isEqualTo("Đảng bộ Phường 15");
    }

    /** An auditor reads every tree, so asking about a day before the branch was founded is answered, not refused. */
    @Test
    void anOrganisationNotYetFoundedOnTheDateIsNotFound() {
        Scenario scenario = new Scenario(board()).organisationTree();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tree(scenario.branch, "2010-01-04", 0).getStatusCode().value()).isEqualTo(200));

        ResponseEntity<JsonNode> response = as("auditor", "auditor-local-only").get()
                .uri("/api/v1/organisations/{id}/tree?asOf=2010-01-03", scenario.branch)
                .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    private ResponseEntity<JsonNode> tree(String orgId, String asOf, long minPosition) {
        return board().get().uri("/api/v1/organisations/{id}/tree?asOf={asOf}&minPosition={position}", orgId, asOf,
                minPosition).retrieve().toEntity(JsonNode.class);
    }
}

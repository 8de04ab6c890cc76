package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.decision;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Seed 001 over HTTP (issue 11 item 5): the ward is given a percentage of its opening membership for 2025, a branch
 * an absolute 1, and seed 000's admission in August 2025 counts against both; the funnel counts its steps.
 */
class RecruitmentDashboardEndToEndTest extends RunningApplication {

    @Test
    void theYearsAdmissionCountsAgainstTheWardsPercentageAndTheBranchsAbsoluteTarget() {
        Scenario scenario = new Scenario(board()).organisationTree();
        expect(scenario.post("/api/v1/organisations/" + scenario.ward + "/set-recruitment-target", """
                {"year": 2025, "mode": "PERCENT_OF_OPENING", "value": 20, "decision": %s}
                """.formatted(decision("3-QĐ/TU", "2025-01-10", scenario.province))), 200);
        expect(scenario.post("/api/v1/organisations/" + scenario.branch + "/set-recruitment-target", """
                {"year": 2025, "mode": "ABSOLUTE", "value": 1, "decision": %s}
                """.formatted(decision("4-QĐ/ĐU", "2025-01-15", scenario.ward))), 200);
        String memberId = "m-" + scenario.suffix;
        JsonNode admitted = scenario.admittedMember(memberId);

        JsonNode dashboard = expect(board().get().uri("/api/v1/organisations/{id}/recruitment?year=2025"
                        + "&minPosition={position}", scenario.ward, admitted.get("position").asLong())
                .retrieve().toEntity(JsonNode.class), 200);

        JsonNode ward = dashboard.get("total");
        assertThat(ward.get("openingMembers").asInt()).as("the branch's members on paper on 1 January")
                .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);
        assertThat(ward.get("target").asInt()).as("20 % of 9, rounded").isEqualTo(2);
        assertThat(ward.get("percentAchieved").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(ward.get("admitted").asInt()).isEqualTo(1);
        assertThat(ward.get("funnel").get("CANDIDATE_REGISTERED").asInt()).isEqualTo(1);
        assertThat(ward.get("funnel").get("CEREMONY").asInt()).isEqualTo(1);
        JsonNode branch = dashboard.get("subOrganisations").get(0);
        assertThat(branch.get("orgId").asText()).isEqualTo(scenario.branch);
        assertThat(branch.get("target").asInt()).isEqualTo(1);
        assertThat(branch.get("percentAchieved").decimalValue()).isEqualByComparingTo("100.0");
    }
}

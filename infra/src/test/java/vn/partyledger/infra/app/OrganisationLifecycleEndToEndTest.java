package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.decision;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The organisation tree over time as a ward board would record it over HTTP: the 1 Jul 2025 reform (rename, new
 * roles), then two branches merged into a new one whose members keep their whole history; and refusals that write
 * nothing.
 */
class OrganisationLifecycleEndToEndTest extends RunningApplication {

    @Test
    void aWardIsReorganisedAndTwoBranchesMergeWithEveryMemberKeepingAContinuousHistory() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String merged = "kp12-" + scenario.suffix;
        scenario.branchOf(scenario.ward, merged, "Chi bộ Khu phố 1-2", LocalDate.of(2025, 7, 1), 0);
        String m1 = "m1-" + scenario.suffix;
        String m2 = "m2-" + scenario.suffix;
        scenario.admittedMember(m1);
        scenario.admittedMember(m2, kp2);

        expect(scenario.post(path(scenario.ward, "rename"), """
                {"newName": "Đảng bộ phường Bình Thạnh", "effectiveDate": "2025-07-01", "decision": %s}
                """.formatted(decision("1-QĐ/TU", "2025-06-30", scenario.province))), 200);
        expect(scenario.post(path(scenario.ward, "change-flags"), """
                {"flags": {"grassroots": false, "directSuperiorOfGrassroots": true,
                           "delegatedAdmissionAuthority": false, "canDecideDiscipline": true},
                 "effectiveDate": "2025-07-01", "decision": %s}
                """.formatted(decision("2-QĐ/TU", "2025-06-30", scenario.province))), 200);
        expect(scenario.post(path(scenario.ward, "set-recruitment-target"), """
                {"year": 2025, "mode": "PERCENT_OF_OPENING", "value": 4, "decision": %s}
                """.formatted(decision("3-QĐ/TU", "2025-07-02", scenario.province))), 200);

        JsonNode outcome = expect(scenario.post(path(merged, "merge"), """
                {"sourceOrgIds": ["%s", "%s"], "effectiveDate": "2025-09-01", "decision": %s}
                """.formatted(scenario.branch, kp2, decision("30-QĐ/ĐU", "2025-08-28", scenario.ward))), 200);

        assertThat(outcome.get("aggregateId").asText()).isEqualTo(merged);
        assertThat(eventTypesOf(m1)).startsWith("OutstandingCandidateRegistered")
                .endsWith("AdmissionApproved", "MemberAdmitted", "MemberCollectivelyTransferred");
        assertThat(eventTypesOf(m2)).endsWith("MemberAdmitted", "MemberCollectivelyTransferred");
        int moved = 2 + Scenario.FIRST_BRANCH_ON_PAPER + Scenario.BRANCH_ON_PAPER;
        assertThat(eventTypesOf(merged)).startsWith("OrganisationEstablished", "OrganisationsMerged")
                .hasSize(2 + moved).filteredOn("MemberEnrolled"::equals).hasSize(moved);
        assertThat(eventTypesOf(scenario.branch)).endsWith("MemberReleased", "OrganisationDissolved");
        assertThat(eventTypesOf(kp2)).endsWith("MemberReleased", "OrganisationDissolved");
        assertThat(outcome.get("eventIds")).as("the merge, each member moved, released and enrolled, two dissolutions")
                .hasSize(1 + 3 * moved + 2);
    }

    @Test
    void aMergeIntoACommitteeThatKeepsNoRollWouldLeaveMembersHomelessAndIsRefusedWithI2() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String m1 = "m1-" + scenario.suffix;
        scenario.admittedMember(m1);
        long wardEvents = eventsOf(scenario.ward);
        long branchEvents = eventsOf(scenario.branch);

        ResponseEntity<JsonNode> response = scenario.post(path(scenario.ward, "merge"), """
                {"sourceOrgIds": ["%s"], "effectiveDate": "2025-09-01", "decision": %s}
                """.formatted(scenario.branch, decision("30-QĐ/ĐU", "2025-08-28", scenario.province)));

        assertRefused(response, "I2", "everyTransferredMemberFindsAHome");
        assertThat(response.getBody().get("detail").asText())
                .contains("Organisation " + scenario.ward + " is not a branch");
        assertThat(eventsOf(scenario.ward)).isEqualTo(wardEvents);
        assertThat(eventsOf(scenario.branch)).isEqualTo(branchEvents);
        assertThat(eventsOf(m1)).isEqualTo(Scenario.EVENTS_BEFORE_DECISION + 2);
    }

    @Test
    void aSplitWhoseAllocationForgetsAMemberIsRefusedWithI2() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String m1 = "m1-" + scenario.suffix;
        String m2 = "m2-" + scenario.suffix;
        scenario.admittedMember(m1);
        scenario.admittedMember(m2);
        long branchEvents = eventsOf(scenario.branch);

        ResponseEntity<JsonNode> response = scenario.post(path(scenario.branch, "split"), """
                {"allocation": [{"memberId": "%s", "targetOrgId": "%s"}], "effectiveDate": "2025-09-01",
                 "decision": %s}
                """.formatted(m1, kp2, decision("31-QĐ/ĐU", "2025-08-28", scenario.ward)));

        assertRefused(response, "I2", "splitAllocatesEveryMemberOnTheRollExactlyOnce");
        assertThat(response.getBody().get("detail").asText()).contains(m2);
        assertThat(eventsOf(scenario.branch)).isEqualTo(branchEvents);
        assertThat(eventsOf(kp2)).as("founded, and its members on paper enrolled").isEqualTo(1 + Scenario.BRANCH_ON_PAPER);
    }

    /**
     * Before it was established the branch was in no organisation's subtree, so the renaming is out of every scope
     * (ADR 0021) before the lifetime rule is asked (that rule is proved in OrganisationOverTimeTest).
     */
    @Test
    void aRenamingBeforeTheOrganisationWasEstablishedIsOutOfScopeAndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();

        ResponseEntity<JsonNode> response = scenario.post(path(scenario.branch, "rename"), """
                {"newName": "Chi bộ Khu phố Một", "effectiveDate": "2009-12-31", "decision": %s}
                """.formatted(decision("9-QĐ/ĐU", "2009-12-30", scenario.ward)));

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody().get("code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(eventsOf(scenario.branch)).as("founded, and its members on paper enrolled")
                .isEqualTo(1 + Scenario.FIRST_BRANCH_ON_PAPER);
    }

    @Test
    void aMergeWithoutSourcesIsBadInputAnd400() {
        Scenario scenario = new Scenario(board()).organisationTree();

        ResponseEntity<JsonNode> response = scenario.post(path(scenario.branch, "merge"), """
                {"sourceOrgIds": [], "effectiveDate": "2025-09-01", "decision": %s}
                """.formatted(decision("30-QĐ/ĐU", "2025-08-28", scenario.ward)));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(eventsOf(scenario.branch)).as("founded, and its members on paper enrolled")
                .isEqualTo(1 + Scenario.FIRST_BRANCH_ON_PAPER);
    }

    private static String path(String orgId, String command) {
        return "/api/v1/organisations/" + orgId + "/" + command;
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, String code, String rule) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(422);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("rule").asText()).isEqualTo(rule);
    }

}

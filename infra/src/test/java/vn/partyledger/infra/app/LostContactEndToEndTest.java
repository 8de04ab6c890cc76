package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Lost contact over HTTP (docs/rules.md#s7-1, §17.6): the branch records it and its end, and the 63 days out of contact
 * move the member's 30-year level from 4 Aug 2055 (admission decided 4 Aug 2025) to 6 Oct 2055.
 */
class LostContactEndToEndTest extends RunningApplication {

    private static ResponseEntity<JsonNode> thirtyYearBadge(Scenario scenario, String memberId, String occasion) {
        return scenario.step(memberId, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "%s",
                 "decision": {"docNumber": "512-QĐ/TU", "docDate": "2026-11-18", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, occasion, scenario.province));
    }

    @Test
    void theTimeOutOfContactDelaysTheBadgePastTheOccasionItWasDueOn() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId);

        expect(scenario.step(memberId, "record-lost-contact", """
                {"from": "2026-09-14",
                 "decision": {"docNumber": "NQ-10/CB", "docDate": "2026-10-05", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch)), 200);
        expect(scenario.step(memberId, "record-contact-restored", """
                {"to": "2026-11-16",
                 "decision": {"docNumber": "NQ-11/CB", "docDate": "2026-11-16", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch)), 200);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> dueWithoutTheGap = thirtyYearBadge(scenario, memberId, "2055-09-02");

        assertThat(dueWithoutTheGap.getStatusCode().value()).as("status of %s", dueWithoutTheGap.getBody())
                .isEqualTo(422);
        assertThat(dueWithoutTheGap.getBody().get("code").asText()).isEqualTo("I24");
        assertThat(dueWithoutTheGap.getBody().get("rule").asText())
                .isEqualTo("partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance");
        assertThat(eventsOf(memberId)).isEqualTo(before);

        expect(thirtyYearBadge(scenario, memberId, "2055-11-07"), 200);
        assertThat(eventTypesOf(memberId)).endsWith("MemberLostContact", "MemberContactRestored",
                "PartyBadgeAwarded");
    }

    @Test
    void restoringContactThatWasNeverLostIsRefusedNamingLostContact() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "record-contact-restored", """
                {"to": "2026-11-16",
                 "decision": {"docNumber": "NQ-11/CB", "docDate": "2026-11-16", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo("LOST_CONTACT");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("onlyLostContactIsRestored");
        assertThat(eventsOf(memberId)).isEqualTo(before);
    }
}

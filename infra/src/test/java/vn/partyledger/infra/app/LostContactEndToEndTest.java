package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Lost contact over HTTP (docs/rules.md#s7-1, §17.6): the branch records it and its end, and the 63 days out of contact
 * move the 30-year level of a member admitted by a decision of 30 Sep 1996 from 30 Sep 2026 to 2 Dec 2026, past the
 * 7 Nov 2026 round and before the 3 Feb 2027 one.
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
        Scenario scenario = new Scenario(board()).province();
        scenario.wardWithBranch(scenario.ward, scenario.branch, LocalDate.of(1990, 1, 3), LocalDate.of(1990, 1, 4));
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId, scenario.admissionIn(scenario.branch, LocalDate.of(1996, 9, 30)), 0);

        expect(scenario.lostContact(memberId, "2026-09-14", "2026-10-05"), 200);
        expect(scenario.contactRestored(memberId, "2026-11-16"), 200);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> dueWithoutTheGap = thirtyYearBadge(scenario, memberId, "2026-11-07");

        assertThat(dueWithoutTheGap.getStatusCode().value()).as("status of %s", dueWithoutTheGap.getBody())
                .isEqualTo(422);
        assertThat(dueWithoutTheGap.getBody().get("code").asText()).isEqualTo("I24");
        assertThat(dueWithoutTheGap.getBody().get("rule").asText())
                .isEqualTo("partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance");
        assertThat(eventsOf(memberId)).isEqualTo(before);

        expect(thirtyYearBadge(scenario, memberId, "2027-02-03"), 200);
        assertThat(eventTypesOf(memberId)).endsWith("MemberLostContact", "MemberContactRestored",
                "PartyBadgeAwarded");
    }

    @Test
    void restoringContactThatWasNeverLostIsRefusedNamingLostContact() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.contactRestored(memberId, "2026-11-16");

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo("LOST_CONTACT");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("onlyLostContactIsRestored");
        assertThat(eventsOf(memberId)).isEqualTo(before);
    }
}

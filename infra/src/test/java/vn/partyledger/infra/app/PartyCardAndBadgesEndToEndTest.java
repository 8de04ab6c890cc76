package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The party card over HTTP, from issue through loss and reissue to the CT-51-2025 exchange, and the refusals a new
 * user would meet with cards and badges: 422 naming the rule, or 400 for bad input, and nothing written.
 */
class PartyCardAndBadgesEndToEndTest extends RunningApplication {

    private void assertRefused(ResponseEntity<JsonNode> response, int status, String code, String memberId,
                               long eventsBefore) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(eventsOf(memberId)).isEqualTo(eventsBefore);
    }

    /** Admitted in Aug 2025 and recognised as a full member at the end of probation, by the ward. */
    static void fullMember(Scenario scenario, String memberId) {
        scenario.admittedMember(memberId);
        expect(scenario.step(memberId, "record-recognition-vote", """
                {"level": "BRANCH", "voteDate": "2026-08-20", "electorate": 0, "inFavour": 0, "against": 0,
                 "attemptNo": 1}
                """), 200);
        expect(scenario.step(memberId, "record-recognition-vote", """
                {"level": "COMMITTEE", "voteDate": "2026-08-27", "electorate": 9, "inFavour": 7, "against": 1,
                 "attemptNo": 1}
                """), 200);
        expect(scenario.step(memberId, "recognize-full-member", """
                {"decision": {"docNumber": "301-QĐ/ĐU", "docDate": "2026-09-01", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
    }

    private static ResponseEntity<JsonNode> issueCard(Scenario scenario, String memberId, String issuingOrgId) {
        return scenario.step(memberId, "issue-party-card", """
                {"cardNumber": "TĐV-79-%s", "handedOverMeetingId": "meeting-2026-10",
                 "decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2026-09-15", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, issuingOrgId));
    }

    @Test
    void aFullMembersCardIsIssuedReportedLostReissuedAndExchanged() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        fullMember(scenario, memberId);

        expect(issueCard(scenario, memberId, scenario.ward), 200);
        expect(scenario.step(memberId, "report-card-lost", """
                {"reportedOn": "2026-10-05"}
                """), 200);
        expect(scenario.step(memberId, "reissue-party-card", """
                {"newCardNumber": "TĐV-79-R-%s",
                 "decision": {"docNumber": "333-QĐ/ĐU", "docDate": "2026-10-20", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.ward)), 200);
        expect(scenario.step(memberId, "exchange-party-card", """
                {"newCardNumber": "ĐV-%s", "campaign": "CT-51-2025",
                 "decision": {"docNumber": "340-QĐ/ĐU", "docDate": "2026-11-02", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.ward)), 200);

        assertThat(eventTypesOf(memberId)).endsWith("FullMembershipRecognized", "PartyCardIssued",
                "PartyCardReportedLost", "PartyCardReissued", "PartyCardExchanged");
    }

    @Test
    void aCardIssuedByTheProvinceInsteadOfTheWardIsRefusedNamingI13() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        fullMember(scenario, memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = issueCard(scenario, memberId, scenario.province);

        assertRefused(response, 422, "I13", memberId, before);
        assertThat(response.getBody().get("rule").asText())
                .isEqualTo("cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation");
    }

    @Test
    void aCardForAProbationaryMemberIsRefusedNamingI13() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = issueCard(scenario, memberId, scenario.ward);

        assertRefused(response, 422, "I13", memberId, before);
        assertThat(response.getBody().get("rule").asText()).isEqualTo("cardIsIssuedToAFullMember");
    }

    @Test
    void aThirtyYearBadgeForAMemberAdmittedLastYearIsRefusedNamingI24() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        fullMember(scenario, memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "2027-02-03",
                 "decision": {"docNumber": "512-QĐ/TU", "docDate": "2026-11-02", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.province));

        assertRefused(response, 422, "I24", memberId, before);
        assertThat(response.getBody().get("rule").asText())
                .isEqualTo("partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance");
    }

    @Test
    void aCardWithoutANumberIsBadInput() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        fullMember(scenario, memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "issue-party-card", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2026-09-15", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward));

        assertRefused(response, 400, "INVALID_INPUT", memberId, before);
    }
}

package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.badge.PartyBadgeAwarded;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The party card over HTTP, from issue through loss and reissue to the CT-51-2025 exchange; badges for veterans
 * admitted in 1995 (awarded, handed back on expulsion, posthumous); and the refusals a new user would meet with cards
 * and badges: 422 naming the rule, or 400 for bad input, and nothing written.
 */
class PartyCardAndBadgesEndToEndTest extends RunningApplication {

    private void assertRefused(ResponseEntity<JsonNode> response, int status, String code, String memberId,
                               long eventsBefore) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(eventsOf(memberId)).isEqualTo(eventsBefore);
    }

    private static ResponseEntity<JsonNode> issueCard(Scenario scenario, String memberId, String issuingOrgId) {
        return scenario.step(memberId, "issue-party-card", """
                {"cardNumber": "TĐV-79-%s", "handedOverMeetingId": "meeting-2026-10",
                 "decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2026-09-15", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, issuingOrgId));
    }

    @Test
    void aFullMembersCardIsIssuedReportedLostReissuedAndExchanged() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId);

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
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = issueCard(scenario, memberId, scenario.province);

        assertRefused(response, 422, "I13", memberId, before);
        assertThat(response.getBody().get("rule").asText())
                .isEqualTo("cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation");
    }

    @Test
    void aCardForAProbationaryMemberIsRefusedNamingI13() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = issueCard(scenario, memberId, scenario.ward);

        assertRefused(response, 422, "I13", memberId, before);
        assertThat(response.getBody().get("rule").asText()).isEqualTo("cardIsIssuedToAFullMember");
    }

    @Test
    void aThirtyYearBadgeForAMemberAdmittedLastYearIsRefusedNamingI24() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "2027-02-03",
                 "decision": {"docNumber": "512-QĐ/TU", "docDate": "2026-11-02", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.province));

        assertRefused(response, 422, "I24", memberId, before);
        assertThat(response.getBody().get("rule").asText())
                .isEqualTo("partyAgeReachesTheLevelByTheOccasionOrWithinTheEarlyAllowance");
        assertThat(response.getBody().get("detail").asText())
                .startsWith("The 30-year badge needs 30 years of party age on 2027-02-03");
    }

    /**
     * A ward with delegated admission power and its subordinate branch, founded in the 1980s, and a member admitted
     * there by the ward's decision of 4 Aug 1995 and recognised a year later: thirty years of party age on
     * 4 Aug 2025. Returns the ward's id.
     */
    private static String veteranAdmittedIn1995(Scenario scenario, String memberId) {
        String ward = "ward-old-" + scenario.suffix;
        String branch = "kp-old-" + scenario.suffix;
        scenario.province().wardWithBranch(ward, branch, LocalDate.of(1980, 1, 3), LocalDate.of(1985, 1, 4))
                .fullMember(memberId, new Scenario.Admission(branch, ward, ward, LocalDate.of(1995, 8, 4), 0), 0);
        return ward;
    }

    @Test
    void aVeteransThirtyYearBadgeIsHandedBackAfterExpulsionAndOnlyOnce() {
        Scenario scenario = new Scenario(board());
        String memberId = "m-" + scenario.suffix;
        String ward = veteranAdmittedIn1995(scenario, memberId);

        expect(scenario.step(memberId, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "2025-09-02",
                 "decision": {"docNumber": "600-QĐ/TU", "docDate": "2025-08-25", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.province)), 200);
        expect(scenario.step(memberId, "impose-discipline", """
                {"form": "EXPULSION", "postHeld": false,
                 "decision": {"docNumber": "95-QĐ/ĐU", "docDate": "2025-10-01", "issuingOrgId": "%s"}}
                """.formatted(ward)), 200);
        String reclaim = """
                {"level": 30, "returnedOn": "2025-10-06",
                 "decision": {"docNumber": "95-QĐ/ĐU", "docDate": "2025-10-01", "issuingOrgId": "%s"}}
                """.formatted(ward);
        expect(scenario.step(memberId, "reclaim-badge", reclaim), 200);
        assertThat(eventTypesOf(memberId)).endsWith("PartyBadgeAwarded", "DisciplineImposed", "PartyBadgeReturned");
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> again = scenario.step(memberId, "reclaim-badge", reclaim);

        assertRefused(again, 422, "BADGE_NOT_AWARDED", memberId, before);
        assertThat(again.getBody().get("rule").asText()).isEqualTo("onlyAHeldBadgeIsHandedBack");
    }

    @Test
    void aVeteranWhoDiedMonthsShortOfThirtyYearsIsAwardedTheBadgePosthumouslyAndOnlyPosthumously() {
        Scenario scenario = new Scenario(board());
        String memberId = "m-" + scenario.suffix;
        veteranAdmittedIn1995(scenario, memberId);
        expect(scenario.step(memberId, "record-death", """
                {"dateOfDeath": "2025-03-01"}
                """), 200);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> living = scenario.step(memberId, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "2025-09-02",
                 "decision": {"docNumber": "600-QĐ/TU", "docDate": "2025-08-25", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.province));
        assertRefused(living, 422, "I29", memberId, before);

        JsonNode awarded = expect(scenario.step(memberId, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "2025-05-19", "posthumous": true,
                 "decision": {"docNumber": "540-QĐ/TU", "docDate": "2025-05-09", "issuingOrgId": "%s"}}
                """.formatted(scenario.suffix, scenario.province)), 200);
        PartyBadgeAwarded award = (PartyBadgeAwarded) loggedPayload(memberId,
                awarded.get("eventIds").get(0).asText());
        assertThat(award.posthumous()).isTrue();
        assertThat(award.early().value()).isTrue();
    }

    @Test
    void aCardWithoutANumberIsBadInput() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "issue-party-card", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2026-09-15", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward));

        assertRefused(response, 400, "INVALID_INPUT", memberId, before);
    }
}

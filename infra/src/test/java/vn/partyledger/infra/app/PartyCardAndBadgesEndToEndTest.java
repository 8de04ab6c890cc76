package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

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

    /** Admitted in Aug 2025 and recognised as a full member at the end of probation, by the ward. */
    static void fullMember(Scenario scenario, String memberId) {
        scenario.admittedMember(memberId);
        scenario.recognised(memberId, 2026, scenario.ward, "2026-09-01");
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

    /**
     * A ward with delegated admission power and its subordinate branch, founded in the 1980s, and a member admitted
     * there by the ward's decision of 4 Aug 1995 and recognised a year later: thirty years of party age on
     * 4 Aug 2025. Returns the ward's id.
     */
    private static String veteranAdmittedIn1995(Scenario scenario, String memberId) {
        String ward = "ward-old-" + scenario.suffix;
        String branch = "kp-old-" + scenario.suffix;
        expect(scenario.post("/api/v1/organisations/" + scenario.province + "/establish", """
                {"name": "Đảng bộ Thành phố Hồ Chí Minh", "kind": "PROVINCIAL", "foundingFullMembers": 0,
                 "effectiveDate": "1975-05-01",
                 "decision": {"docNumber": "1-QĐ/TW", "docDate": "1975-05-01", "issuingOrgId": "central"}}
                """), 201);
        expect(scenario.post("/api/v1/organisations/" + ward + "/establish", """
                {"name": "Đảng bộ Phường 3", "kind": "GRASSROOTS_COMMITTEE", "parentOrgId": "%s",
                 "flags": {"grassroots": true, "directSuperiorOfGrassroots": false,
                           "delegatedAdmissionAuthority": true, "canDecideDiscipline": true},
                 "foundingFullMembers": 120, "effectiveDate": "1980-01-03",
                 "decision": {"docNumber": "7-QĐ/QU", "docDate": "1980-01-03", "issuingOrgId": "%s"}}
                """.formatted(scenario.province, scenario.province)), 201);
        expect(scenario.post("/api/v1/organisations/" + branch + "/establish", """
                {"name": "Chi bộ Khu phố 4", "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL",
                 "parentOrgId": "%s", "foundingFullMembers": 40, "effectiveDate": "1985-01-04",
                 "decision": {"docNumber": "21-QĐ/ĐU", "docDate": "1985-01-04", "issuingOrgId": "%s"}}
                """.formatted(ward, ward)), 201);
        expect(scenario.step(memberId, "register-candidate", """
                {"personId": "person-%s", "branchId": "%s", "source": "RESIDENT", "registeredOn": "1995-03-03"}
                """.formatted(memberId, branch)), 201);
        expect(scenario.step(memberId, "record-awareness-course", """
                {"certificateNo": "GCN-1995-41", "issuerOrgId": "%s", "issueDate": "1995-02-10"}
                """.formatted(ward)), 200);
        expect(scenario.step(memberId, "submit-application", """
                {"applicationDate": "1995-03-10", "readmission": false, "biographyDocRef": "LL-1995-02",
                 "youthUnionAge": false, "unitHasYouthUnion": false}
                """), 200);
        for (String introducer : new String[]{"m-1970s-a-", "m-1970s-b-"}) {
            expect(scenario.step(memberId, "assign-introducer", """
                    {"introducerType": "FULL_MEMBER", "introducerMemberId": "%s%s", "knownSince": "1993-01-04",
                     "assignedOn": "1995-03-17"}
                    """.formatted(introducer, scenario.suffix)), 200);
        }
        expect(scenario.step(memberId, "record-background-verification", """
                {"subjects": ["CANDIDATE", "FATHER", "MOTHER"], "conclusion": "CLEAR", "verifyingOrgId": "%s",
                 "concludedOn": "1995-05-05"}
                """.formatted(ward)), 200);
        expect(scenario.step(memberId, "record-comments-summary", """
                {"docRef": "TH-1995-05", "filedOn": "1995-05-12"}
                """), 200);
        expect(scenario.step(memberId, "record-branch-admission-vote", """
                {"meetingId": "chi-bo-1995-06", "voteDate": "1995-06-02", "fullMembersOnRoll": 0, "inFavour": 0,
                 "against": 0, "ageInMonthsAtVote": 300, "education": "UPPER_SECONDARY"}
                """), 200);
        expect(scenario.step(memberId, "record-committee-admission-vote", """
                {"committeeOrgId": "%s", "voteDate": "1995-06-16", "membersInOffice": 9, "inFavour": 7}
                """.formatted(ward)), 200);
        expect(scenario.step(memberId, "decide-admission", """
                {"decision": {"docNumber": "88-QĐ/ĐU", "docDate": "1995-08-04", "issuingOrgId": "%s"},
                 "receivedByBranchOn": "1995-08-07"}
                """.formatted(ward)), 200);
        expect(scenario.step(memberId, "admit", """
                {"ceremonyDate": "1995-08-19"}
                """), 200);
        scenario.recognised(memberId, 1996, ward, "1996-09-02");
        return ward;
    }

    @Test
    void aVeteransThirtyYearBadgeIsHandedBackAfterExpulsionAndOnlyOnce() {
        Scenario scenario = new Scenario(secretary());
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
        Scenario scenario = new Scenario(secretary());
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
        Document payload = payloadOf(awarded.get("eventIds").get(0).asText());
        assertThat(payload.getBoolean("posthumous")).isTrue();
        assertThat(payload.getBoolean("early")).isTrue();
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

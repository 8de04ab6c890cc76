package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Leaving the Party, discipline and death over HTTP, as a branch secretary would record them: a full member is struck
 * off, appeals, is restored after the annulment and later dies; the roll follows each step. Refusals answer 422 naming
 * the rule and leave the member's log as it was; malformed requests answer 400.
 */
class LeavingAndDisciplineEndToEndTest extends RunningApplication {

    /** The type of the latest event on an aggregate's log, e.g. the branch roll's last change. */
    private String latestEventType(String aggregateId) {
        Document event = lastEventOf(aggregateId);
        String type = event.getString("payloadType");
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private void refusedLeavingTheLogAsItWas(ResponseEntity<JsonNode> response, String code, String memberId,
                                             long logBefore) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(422);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(eventsOf(memberId)).isEqualTo(logBefore);
    }

    /** Admitted in Aug 2025 and recognised on 30 Aug 2026 by the ward, which decides for the branch. */
    private static String fullMember(Scenario scenario) {
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId);
        return memberId;
    }

    private static ResponseEntity<JsonNode> proposeStrikeOff(Scenario scenario, String memberId, String months) {
        return scenario.step(memberId, "propose-strike-off", """
                {"ground": "ABSENCE_OR_DUES_3M", "evidenceRefs": ["BB-SH-07", "BB-SH-08", "BB-SH-09"],
                 "monthsInBreach": [%s], "voteDate": "2026-11-02", "branchInFavour": 7}
                """.formatted(months));
    }

    @Test
    void aStruckOffMemberAppealsIsRestoredAfterTheAnnulmentAndLaterDies() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = fullMember(scenario);

        expect(proposeStrikeOff(scenario, memberId, "\"2026-07\", \"2026-08\", \"2026-09\""), 200);
        expect(scenario.step(memberId, "strike-off-member", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2026-11-09", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
        assertThat(latestEventType(scenario.branch)).isEqualTo("MemberReleased");

        expect(scenario.step(memberId, "file-appeal", """
                {"subject": "STRIKE_OFF", "decisionReceivedOn": "2026-11-10", "filedOn": "2026-11-12"}
                """), 200);
        expect(scenario.step(memberId, "resolve-appeal", """
                {"outcome": "ANNULLED",
                 "decision": {"docNumber": "41-QĐ/TU", "docDate": "2026-11-16", "issuingOrgId": "%s"}}
                """.formatted(scenario.province)), 200);
        expect(scenario.step(memberId, "restore-membership", """
                {"decision": {"docNumber": "42-QĐ/TU", "docDate": "2026-11-18", "issuingOrgId": "%s"}}
                """.formatted(scenario.province)), 200);
        assertThat(latestEventType(scenario.branch)).isEqualTo("MemberEnrolled");

        expect(scenario.step(memberId, "record-death", """
                {"dateOfDeath": "2026-11-20"}
                """), 200);
        assertThat(latestEventType(memberId)).isEqualTo("MemberDeceased");
        assertThat(latestEventType(scenario.branch)).isEqualTo("MemberReleased");

        long logBefore = eventsOf(memberId);
        refusedLeavingTheLogAsItWas(scenario.step(memberId, "impose-discipline", """
                {"form": "REPRIMAND", "postHeld": false,
                 "decision": {"docNumber": "9-QĐ/CB", "docDate": "2026-11-20", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch)), "I29", memberId, logBefore);
    }

    @Test
    void absencesSpreadOverTwoYearsAndABranchExpulsionAreRefusedAndBadInputIsRejected() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = fullMember(scenario);
        long logBefore = eventsOf(memberId);

        refusedLeavingTheLogAsItWas(proposeStrikeOff(scenario, memberId, "\"2025-11\", \"2025-12\", \"2026-01\""),
                "I19", memberId, logBefore);
        refusedLeavingTheLogAsItWas(scenario.step(memberId, "impose-discipline", """
                {"form": "EXPULSION", "postHeld": false,
                 "decision": {"docNumber": "9-QĐ/CB", "docDate": "2026-11-03", "issuingOrgId": "%s"}}
                """.formatted(scenario.branch)), "I12", memberId, logBefore);
        refusedLeavingTheLogAsItWas(scenario.step(memberId, "strike-off-member", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2026-11-09", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), "I20", memberId, logBefore);

        ResponseEntity<JsonNode> undated = scenario.step(memberId, "record-death", "{}");
        assertThat(undated.getStatusCode().value()).isEqualTo(400);
        assertThat(eventsOf(memberId)).isEqualTo(logBefore);
    }
}

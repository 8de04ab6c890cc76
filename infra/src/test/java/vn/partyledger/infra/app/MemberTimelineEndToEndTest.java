package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * An auditor reads a member's record from the log over HTTP (ADR 0030): every entry with its envelope and its
 * corrections linked, the member's state as of a date, and what changed between two dates. Seed 000's admission
 * (decided 4 Aug 2025, ceremony 19 Aug 2025, full from 19 Aug 2026 by the decision of 30 Aug 2026), then a temporary
 * exemption from 5 Sep 2026 ended on 5 Oct 2026, and the admission decision's date corrected to 1 Aug 2025.
 */
class MemberTimelineEndToEndTest extends RunningApplication {

    private RestClient auditor() {
        return as("auditor", "auditor-local-only");
    }

    private static JsonNode read(RestClient client, String path, Object... values) {
        return expect(client.get().uri(path, values).retrieve().toEntity(JsonNode.class), 200);
    }

    private static JsonNode entryOfType(JsonNode timeline, String eventType) {
        for (JsonNode entry : timeline.get("entries")) {
            if (entry.get("eventType").asText().equals(eventType)) {
                return entry;
            }
        }
        throw new AssertionError("no " + eventType + " in " + timeline);
    }

    /** The problem's code, after checking the answer's status and that it is problem+json. */
    private static String problem(ResponseEntity<JsonNode> response, int status) {
        JsonNode problem = expect(response, status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        return problem.get("code").asText();
    }

    private static List<String> eventTypes(JsonNode entries) {
        List<String> types = new ArrayList<>();
        entries.forEach(entry -> types.add(entry.get("eventType").asText()));
        return types;
    }

    /** A full member, exempted for a month, whose admission decision's date was mistyped and then corrected. */
    private String historyBuilt(Scenario scenario) {
        String memberId = "mt-" + scenario.suffix;
        scenario.fullMember(memberId);
        scenario.exemptedForAMonth(memberId);
        String approval = entryOfType(read(auditor(), "/api/v1/members/{id}/timeline", memberId),
                "AdmissionApproved").get("eventId").asText();
        expect(scenario.step(memberId, "correct-entry-date", """
                {"eventId": "%s", "correctedDate": "2025-08-01", "reason": "WRONG_DATE",
                 "decision": {"docNumber": "331-QĐ/ĐU", "docDate": "2026-11-21", "issuingOrgId": "%s"}}
                """.formatted(approval, scenario.ward)), 200);
        return memberId;
    }

    @Test
    void anAuditorReadsEveryEntryWithItsEnvelopeAndTheCorrectionsLinkedToWhatTheyCorrect() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = historyBuilt(scenario);

        JsonNode timeline = read(auditor(), "/api/v1/members/{id}/timeline", memberId);

        JsonNode entries = timeline.get("entries");
        assertThat(timeline.get("totalEntries").asInt()).isEqualTo(entries.size());
        assertThat(eventTypes(entries)).startsWith("OutstandingCandidateRegistered")
                .containsSubsequence("AdmissionApproved", "MemberAdmitted", "FullMembershipRecognized",
                        "ExemptionGranted", "ExemptionEnded", "EntryDateCorrected");
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("sequenceNumber").asLong()).isEqualTo(i);
        }
        JsonNode approval = entryOfType(timeline, "AdmissionApproved");
        JsonNode correction = entryOfType(timeline, "EntryDateCorrected");
        assertThat(approval.get("businessDate").asText()).isEqualTo("2025-08-04");
        assertThat(approval.get("revision").asText()).isNotBlank();
        assertThat(approval.get("recordedAt").asText()).isNotBlank();
        assertThat(approval.get("ruleSetId").asText()).isNotBlank();
        assertThat(approval.at("/actor/userId").asText()).isEqualTo("board");
        assertThat(approval.at("/actor/role").asText()).isEqualTo("ORGANISATION_BOARD");
        assertThat(approval.at("/actor/actingForOrgId").asText()).isEqualTo(Scenario.CENTRAL);
        assertThat(approval.at("/decision/docNumber").asText()).isEqualTo("215-QĐ/ĐU");
        assertThat(approval.at("/decision/issuingOrgId").asText()).isEqualTo(scenario.ward);
        assertThat(approval.get("correctedBy")).extracting(JsonNode::asText)
                .containsExactly(correction.get("eventId").asText());
        assertThat(correction.get("corrects").asText()).isEqualTo(approval.get("eventId").asText());
        assertThat(correction.get("businessDate").asText()).isEqualTo("2026-11-21");
        assertThat(correction.at("/payload/correctedDate").asText()).isEqualTo("2025-08-01");
        assertThat(entryOfType(timeline, "MemberAdmitted").get("businessDate").asText()).isEqualTo("2025-08-19");
        JsonNode exempted = entryOfType(timeline, "ExemptionGranted");
        assertThat(exempted.at("/payload/reason").asText()).isEqualTo("WITHHELD");
        assertThat(exempted.at("/payload/kind").asText()).isEqualTo("TEMPORARY");
        assertThat(exempted.at("/decision/docNumber").asText()).isEqualTo("12-NQ");

        JsonNode page = read(auditor(), "/api/v1/members/{id}/timeline?from=2026-08-01&size=2&page=1", memberId);
        assertThat(page.get("entries")).hasSize(2);
        assertThat(page.get("totalEntries").asInt()).isLessThan(entries.size());
        page.get("entries").forEach(entry -> assertThat(entry.get("businessDate").asText())
                .isGreaterThanOrEqualTo("2026-08-01"));
    }

    @Test
    void theStateOnADateAndTheChangesBetweenTwoDatesAreFoldedFromTheCorrectedRecord() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = historyBuilt(scenario);

        JsonNode dayBeforeCeremony = read(auditor(), "/api/v1/members/{id}/state?asOf=2025-08-18", memberId);
        JsonNode exempt = read(auditor(), "/api/v1/members/{id}/state?asOf=2026-09-10", memberId);
        JsonNode changes = read(auditor(), "/api/v1/members/{id}/changes?from=2026-08-18&to=2026-09-10", memberId);

        assertThat(dayBeforeCeremony.get("status").asText()).isEqualTo("CANDIDATE");
        assertThat(dayBeforeCeremony.get("homeOrgId").asText()).isEqualTo(scenario.branch);
        assertThat(dayBeforeCeremony.get("admissionDecisionDate").asText()).isEqualTo("2025-08-01");
        assertThat(exempt.get("status").asText()).isEqualTo("FULL");
        assertThat(exempt.get("fullMembershipDate").asText()).isEqualTo("2026-08-19");
        assertThat(exempt.at("/exemption/kind").asText()).isEqualTo("TEMPORARY");
        assertThat(exempt.at("/exemption/from").asText()).isEqualTo("2026-09-05");
        assertThat(exempt.get("restsOn")).hasSizeGreaterThan(dayBeforeCeremony.get("restsOn").size());
        assertThat(changes.get("changes")).extracting(change -> change.get("field").asText())
                .containsExactly("status", "fullMembershipDate", "exemption");
        assertThat(changes.at("/changes/0/before").asText()).isEqualTo("PROBATIONARY");
        assertThat(changes.at("/changes/0/after").asText()).isEqualTo("FULL");
        assertThat(eventTypes(changes.get("entries"))).containsSubsequence("FullMembershipRecognized",
                "ExemptionGranted").doesNotContain("MemberAdmitted", "ExemptionEnded");
    }

    @Test
    void aSecretaryOfAnotherBranchIsRefusedAndAnUnknownMemberOrAReversedRangeIsAProblem() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "mt-" + scenario.suffix;
        scenario.admittedMember(memberId);

        ResponseEntity<JsonNode> outOfScope = secretary().get().uri("/api/v1/members/{id}/timeline", memberId)
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> unknown = auditor().get().uri("/api/v1/members/{id}/state?asOf=2026-01-01",
                "no-such-" + scenario.suffix).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> notAMember = auditor().get().uri("/api/v1/members/{id}/timeline", scenario.branch)
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> reversed = auditor().get()
                .uri("/api/v1/members/{id}/changes?from=2026-02-01&to=2026-01-01", memberId)
                .retrieve().toEntity(JsonNode.class);

        assertThat(problem(outOfScope, 403)).isEqualTo("OUT_OF_SCOPE");
        assertThat(problem(unknown, 404)).isEqualTo("NOT_FOUND");
        assertThat(problem(notAMember, 404)).isEqualTo("NOT_FOUND");
        assertThat(problem(reversed, 400)).isEqualTo("INVALID_INPUT");
        assertThat(outOfScope.getBody().toString()).doesNotContain("AdmissionApproved");
        assertThat(read(board(), "/api/v1/members/{id}/timeline", memberId).get("totalEntries").asInt())
                .isEqualTo(Scenario.EVENTS_BEFORE_DECISION + 2);
    }
}

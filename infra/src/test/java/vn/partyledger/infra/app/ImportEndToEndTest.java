package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding a scripted province over HTTP (issue 10): imported as a board would, checked against the rosters, imported
 * again without change, resumed after a partial run, and refused line by line — with nothing written — when the file
 * has errors or the caller is out of scope.
 */
class ImportEndToEndTest extends RunningApplication {

    private ResponseEntity<JsonNode> importFile(RestClient client, String file) {
        return client.post().uri(IMPORTS).contentType(org.springframework.http.MediaType.parseMediaType(
                "application/x-ndjson")).body(file).retrieve().toEntity(JsonNode.class);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aScriptedProvinceIsImportedOntoItsRostersAndASecondImportAddsNothing() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 4, 60);

        JsonNode report = Scenario.expect(importFile(board(), province.text()), 200);

        assertThat(report.get("outcome").asText()).as("report %s", report.get("refusals")).isEqualTo("COMPLETED");
        assertThat(report.at("/organisations/imported").asInt()).isEqualTo(2 + 4);
        assertThat(report.at("/members/imported").asInt()).isEqualTo(240);
        report.get("totals").forEach(total -> assertThat(total.get("matches").asBoolean())
                .as("roster of %s", total).isTrue());
        int probationary = 0;
        int full = 0;
        for (String branch : province.branches) {
            JsonNode roster = Scenario.expect(board().get().uri("/api/v1/organisations/{id}/roster?size=1000", branch)
                    .retrieve().toEntity(JsonNode.class), 200);
            assertThat(roster.get("headcount").asInt()).isEqualTo(60);
            for (JsonNode entry : roster.get("members")) {
                if (entry.get("status").asText().equals("FULL")) {
                    full++;
                } else if (entry.get("status").asText().equals("PROBATIONARY")) {
                    probationary++;
                }
            }
        }
        assertThat(probationary).isEqualTo(province.probationary);
        assertThat(full).isEqualTo(province.full);
        int logBefore = storedEvents().size();

        JsonNode again = Scenario.expect(importFile(board(), province.text()), 200);

        assertThat(again.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(again.at("/members/imported").asInt()).isZero();
        assertThat(again.at("/members/alreadyThere").asInt()).isEqualTo(240);
        assertThat(again.at("/organisations/alreadyThere").asInt()).isEqualTo(6);
        assertThat(storedEvents()).as("the log after importing the same file again").hasSize(logBefore);
    }

    @Test
    void anInterruptedImportResumesWhereItStopped() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 2, 30);
        List<String> firstHalf = new ArrayList<>(province.organisationLines);
        firstHalf.addAll(province.memberLines.subList(0, 25));
        Scenario.expect(importFile(board(), String.join("\n", firstHalf)), 200);

        JsonNode resumed = Scenario.expect(importFile(board(), province.text()), 200);

        assertThat(resumed.at("/members/imported").asInt()).isEqualTo(35);
        assertThat(resumed.at("/members/alreadyThere").asInt()).isEqualTo(25);
        resumed.get("totals").forEach(total -> assertThat(total.get("matches").asBoolean()).isTrue());
    }

    @Test
    void aFileWithErrorsIsRefusedLineByLineAndNothingIsWritten() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 1, 10);
        List<String> lines = new ArrayList<>(province.organisationLines);
        lines.addAll(province.memberLines);
        int first = province.organisationLines.size();
        lines.set(first, lines.get(first).replaceFirst("\"ceremonyDate\": \"[0-9-]+\"",
                "\"ceremonyDate\": \"2026-02-30\""));
        lines.set(first + 1, lines.get(first + 1).replace("\"status\": \"FULL\"", "\"status\": \"VETERAN\""));
        lines.set(first + 2, lines.get(first + 2).replaceFirst("\"ceremonyDate\": \"[0-9-]+\"",
                "\"ceremonyDate\": \"1980-01-01\""));
        lines.set(first + 3, lines.get(first + 3).replaceFirst("\"homeOrgId\": \"[^\"]+\"",
                "\"homeOrgId\": \"no-such-branch\""));
        lines.set(first + 4, lines.get(first + 5));
        lines.add("not json");
        int logBefore = storedEvents().size();
        long registerBefore = database.getCollection("person_register").countDocuments();

        ResponseEntity<JsonNode> refused = importFile(board(), String.join("\n", lines));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode report = refused.getBody();
        assertThat(report.get("outcome").asText()).isEqualTo("REFUSED");
        List<String> refusals = new ArrayList<>();
        report.get("refusals").forEach(refusal -> refusals.add(refusal.get("line").asInt() + " "
                + refusal.path("field").asText("-") + " " + refusal.get("code").asText() + " "
                + refusal.path("rule").asText("-")));
        int line = first + 1;
        assertThat(refusals).contains(
                line + " ceremonyDate INVALID_INPUT -",
                (line + 1) + " status INVALID_INPUT -",
                (line + 2) + " - ONBOARDING theAdmissionHistoryIsInOrder",
                (line + 3) + " homeOrgId INVALID_INPUT -",
                (line + 5) + " memberId INVALID_INPUT -",
                (lines.size()) + " - INVALID_INPUT -");
        assertThat(storedEvents()).as("the log").hasSize(logBefore);
        assertThat(database.getCollection("person_register").countDocuments()).isEqualTo(registerBefore);
    }

    @Test
    void aBoardOutOfScopeIsRefusedEveryLineAndNothingIsWritten() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 1, 5);
        int logBefore = storedEvents().size();

        ResponseEntity<JsonNode> refused = importFile(as("ward-board", "ward-board-local-only"), province.text());

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().at("/refusals/0/code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(storedEvents()).hasSize(logBefore);
    }
}

package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.domain.shared.Today;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Onboarding a scripted province over HTTP (issue 10): imported as a board would, with what its members have in force
 * and a branch's leadership, checked against the rosters, imported again without change, resumed after a partial run,
 * the same from CSV, and refused line by line — with nothing written — when the file has errors or the caller is out
 * of scope.
 */
class ImportEndToEndTest extends RunningApplication {

    @Autowired
    Today today;

    private static final String JSON_LINES = "application/x-ndjson";
    private static final String CSV = "text/csv";

    private ResponseEntity<JsonNode> importFile(RestClient client, String file) {
        return importFile(client, file, JSON_LINES);
    }

    private ResponseEntity<JsonNode> importFile(RestClient client, String file, String contentType) {
        return client.post().uri(IMPORTS).contentType(org.springframework.http.MediaType.parseMediaType(
                contentType)).body(file.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode roster(String branch) {
        return Scenario.expect(board().get().uri("/api/v1/organisations/{id}/roster?size=1000", branch)
                .retrieve().toEntity(JsonNode.class), 200);
    }

    /** Each refusal of a report as "line field code rule", "-" where there is none. */
    private static List<String> refusals(JsonNode report) {
        List<String> refusals = new ArrayList<>();
        report.get("refusals").forEach(refusal -> refusals.add(refusal.get("line").asInt() + " "
                + refusal.path("field").asText("-") + " " + refusal.get("code").asText() + " "
                + refusal.path("rule").asText("-")));
        return refusals;
    }

    private static boolean attachedIn(JsonNode entry) {
        return entry.path("attachment").path("direction").asText().equals("IN");
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
        int exempt = 0;
        int attachedIn = 0;
        for (String branch : province.branches) {
            JsonNode roster = roster(branch);
            assertThat(roster.get("headcount").asInt()).isEqualTo(60);
            exempt += roster.get("exemptCount").asInt();
            for (JsonNode entry : roster.get("members")) {
                if (attachedIn(entry)) {
                    attachedIn++;
                } else if (entry.get("status").asText().equals("FULL")) {
                    full++;
                } else if (entry.get("status").asText().equals("PROBATIONARY")) {
                    probationary++;
                }
            }
        }
        assertThat(probationary).isEqualTo(province.probationary);
        assertThat(full).isEqualTo(province.full);
        assertThat(exempt).isEqualTo(province.exempt).isPositive();
        assertThat(attachedIn).as("members attached in, listed outside the host's headcount")
                .isEqualTo(province.attached).isPositive();
        assertThat(commitsHolding("MemberImported", province.branches)).as("one append per batch of 50 of a branch")
                .isEqualTo(4 * 2);
        assertThat(report.at("/leaderships/imported").asInt()).isEqualTo(1);
        assertThat(eventTypesOf(province.branches.get(0))).contains("BranchLeadershipElected");
        assertThat(storedEvents()).filteredOn(event -> event.getString("payloadType").endsWith(".ExemptionImported"))
                .as("the exemption's reason is sealed in the log").isNotEmpty()
                .allSatisfy(event -> assertThat(event.get("payload", org.bson.Document.class)
                        .get("reason", org.bson.Document.class)).containsKey("sealed"));
        int logBefore = storedEvents().size();

        JsonNode again = Scenario.expect(importFile(board(), province.text()), 200);

        assertThat(again.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(again.at("/members/imported").asInt()).isZero();
        assertThat(again.at("/members/alreadyThere").asInt()).isEqualTo(240);
        assertThat(again.at("/organisations/alreadyThere").asInt()).isEqualTo(6);
        assertThat(again.at("/leaderships/alreadyThere").asInt()).isEqualTo(1);
        assertThat(storedEvents()).as("the log after importing the same file again").hasSize(logBefore);
    }

    /**
     * A branch keyed in from two files (two desks, or a second batch of paper files): each file's totals count its own
     * members on the roster, not the branch's whole roll, so neither is reported as a mismatch — nor is the first file
     * run again once the second has landed.
     */
    @Test
    void aBranchImportedInTwoFilesIsTotalledFileByFileOnEachFilesOwnMembers() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 1, 10);
        List<String> first = new ArrayList<>(province.organisationLines);
        first.addAll(province.memberLines.subList(0, 5));
        List<String> second = new ArrayList<>(province.organisationLines);
        second.addAll(province.memberLines.subList(5, 10));

        for (List<String> file : List.of(first, second, first)) {
            JsonNode report = Scenario.expect(importFile(board(), String.join("\n", file)), 200);
            JsonNode total = report.get("totals").get(0);
            assertThat(total.get("matches").asBoolean()).as("totals of %s", report).isTrue();
            int onRoster = 0;
            for (JsonNode count : total.get("onRoster")) {
                onRoster += count.asInt();
            }
            assertThat(onRoster).as("the file's own members on the roster").isEqualTo(5);
        }
    }

    /** The ward's committee in office comes in with the file, elected from the members of its branch (ADR 0029). */
    @Test
    void aWardsCommitteeInOfficeIsImportedFromTheMembersOfItsBranches() {
        new Scenario(board()).centralCommittee();
        String suffix = suffix();
        ProvinceFile province = new ProvinceFile(suffix, 1, 10);
        List<String> lines = province.lines();
        String ward = lines.get(1);
        lines.set(1, ward.substring(0, ward.length() - 1) + """
                , "leadership": {"termStart": "2025-06-20", "secretaryMemberId": "imp-m1-%s", \
                "deputyMemberIds": ["imp-m2-%s"], "committeeMemberIds": ["imp-m3-%s"], \
                "decision": {"docNumber": "2-NQ/ĐH", "docDate": "2025-06-20", "issuingOrgId": "%s"}}}\
                """.formatted(suffix, suffix, suffix, province.province));

        JsonNode report = Scenario.expect(importFile(board(), String.join("\n", lines)), 200);

        assertThat(report.get("outcome").asText()).as("report %s", report).isEqualTo("COMPLETED");
        assertThat(report.at("/leaderships/imported").asInt()).isEqualTo(2);
        assertThat(eventTypesOf(province.ward)).contains("BranchLeadershipElected");
    }

    @Test
    void aProvinceImportedFromCsvLandsOnTheSameRostersAsFromJsonLines() {
        new Scenario(board()).centralCommittee();
        ProvinceFile fromLines = new ProvinceFile(suffix(), 2, 20);
        ProvinceFile fromCsv = new ProvinceFile(suffix(), 2, 20);

        JsonNode linesReport = Scenario.expect(importFile(board(), fromLines.text()), 200);
        JsonNode csvReport = Scenario.expect(importFile(board(), fromCsv.csv(), CSV), 200);

        assertThat(csvReport.get("outcome").asText()).as("report %s", csvReport.get("refusals"))
                .isEqualTo("COMPLETED");
        assertThat(csvReport.get("members")).isEqualTo(linesReport.get("members"));
        assertThat(csvReport.get("leaderships")).isEqualTo(linesReport.get("leaderships"));
        // the lines join the party-age read model, which the import does not wait for
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int b = 0; b < 2; b++) {
                assertThat(sameAcrossImports(roster(fromCsv.branches.get(b)), fromCsv))
                        .isEqualTo(sameAcrossImports(roster(fromLines.branches.get(b)), fromLines));
            }
        });
    }

    /** A roster with each import's own suffix taken out of its ids, so two imports of one province compare equal. */
    private static String sameAcrossImports(JsonNode roster, ProvinceFile province) {
        String suffix = province.province.substring("imp-prov-".length());
        return roster.get("members").toString().replace(suffix, "*") + " headcount " + roster.get("headcount")
                + " exempt " + roster.get("exemptCount");
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
        List<String> lines = province.lines();
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
        int line = first + 1;
        assertThat(refusals(report)).contains(
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
    void overlaysLeadershipAndDatesAheadAreRefusedLineByLineAndNothingIsWritten() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 2, 10);
        List<String> lines = province.lines();
        int first = province.organisationLines.size();
        String tomorrow = today.date().plusDays(1).toString();
        lines.set(3, lines.get(3).replace("\"effectiveDate\": \"1980-01-07\"",
                "\"effectiveDate\": \"" + tomorrow + "\""));
        lines.set(first + 6, lines.get(first + 6).replace("\"reason\": \"ADVANCED_AGE_POOR_HEALTH\"",
                "\"reason\": \"WORKING_AWAY\""));
        lines.set(first + 7, lines.get(first + 7).replace("\"form\": \"WARNING\"", "\"form\": \"EXPULSION\""));
        lines.set(first + 9, lines.get(first + 9).replaceFirst("\"hostOrgId\": \"[^\"]+\"",
                "\"hostOrgId\": \"no-such-branch\""));
        lines.set(2, lines.get(2).replace("\"secretaryMemberId\": \"imp-m3-", "\"secretaryMemberId\": \"imp-m0-"));
        int logBefore = storedEvents().size();

        ResponseEntity<JsonNode> refused = importFile(board(), String.join("\n", lines));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refusals(refused.getBody())).contains(
                "3 leadership.secretaryMemberId LEADERSHIP leadersAreFullMembersOnTheBranchRoll",
                "4 effectiveDate BUSINESS_DATE_NOT_IN_THE_FUTURE businessDateIsNotInTheFuture",
                (first + 7) + " exemption I14 fullExemptionIsForAdvancedAgeAndPoorHealth",
                (first + 8) + " discipline ONBOARDING aMemberOnTheRollHasNoExpulsionInEffect",
                (first + 10) + " attachment.hostOrgId INVALID_INPUT -");
        assertThat(storedEvents()).as("the log").hasSize(logBefore);
    }

    @Test
    void anAttachmentWhoseTransferIdTheLedgerHoldsIsRefusedWhileWritingAndTheOtherLinesLand() {
        new Scenario(board()).centralCommittee();
        ProvinceFile earlier = new ProvinceFile(suffix(), 2, 10);
        Scenario.expect(importFile(board(), earlier.text()), 200);
        ProvinceFile later = new ProvinceFile(suffix(), 2, 10);
        List<String> lines = later.lines();
        int attached = later.organisationLines.size() + 9;
        lines.set(attached, lines.get(attached).replaceFirst("\"transferId\": \"[^\"]+\"",
                "\"transferId\": \"imp-t9-" + earlier.province.substring("imp-prov-".length()) + "\""));

        JsonNode report = Scenario.expect(importFile(board(), String.join("\n", lines)), 200);

        assertThat(report.get("outcome").asText()).isEqualTo("COMPLETED_WITH_REFUSALS");
        assertThat(refusals(report)).containsExactly((attached + 1) + " - ALREADY_EXISTS -");
        assertThat(report.at("/members/imported").asInt()).isEqualTo(19);
        assertThat(report.get("totals")).as("the refused line is in the report, not counted against the roster")
                .allSatisfy(total -> assertThat(total.get("matches").asBoolean()).isTrue());
    }

    @Test
    void aCsvFileIsRefusedByTheCsvsOwnLineNumbers() {
        new Scenario(board()).centralCommittee();
        ProvinceFile province = new ProvinceFile(suffix(), 1, 5);
        List<String> rows = new ArrayList<>(List.of(province.csv().split("\n")));
        rows.set(4, rows.get(4).replaceFirst("PROBATIONARY", "VETERAN"));

        ResponseEntity<JsonNode> refused = importFile(board(), String.join("\n", rows), CSV);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("refusals")).singleElement().satisfies(refusal -> {
            assertThat(refusal.get("line").asInt()).as("the header is line 1, the first member's row line 5")
                    .isEqualTo(5);
            assertThat(refusal.get("field").asText()).isEqualTo("status");
        });
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

    /** How many commit documents hold events of the type for members of the branches (ADR 0019: one per append). */
    private long commitsHolding(String eventType, List<String> branches) {
        long commits = 0;
        for (org.bson.Document commit : database.getCollection("event_commits").find()) {
            boolean holds = commit.getList("events", org.bson.Document.class, List.of()).stream().anyMatch(event ->
                    event.getString("payloadType").endsWith("." + eventType)
                            && branches.contains(event.get("payload", org.bson.Document.class).getString("homeOrgId")));
            commits += holds ? 1 : 0;
        }
        return commits;
    }
}

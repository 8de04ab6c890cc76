package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The roster users read (issue 11 item 1, ADR 0042): a ward's roll is its branches' rolls, line by line; a member with
 * a transfer letter not yet presented is in transit on the sending roll, counted but not present; names come only with
 * a stated purpose, to a caller entitled to them, and every name given out is in the access audit.
 */
class OrganisationRosterEndToEndTest extends RunningApplication {

    private static final String ON = "2026-11-02";

    private ResponseEntity<JsonNode> roster(RestClient client, String orgId, String query) {
        return client.get().uri("/api/v1/organisations/{id}/roster?" + query, orgId).retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode accessAudit(String personId) {
        return expect(as("security-officer", "security-officer-local-only").get()
                .uri("/api/v1/access-audit?personId={id}", personId).retrieve().toEntity(JsonNode.class), 200);
    }

    private static List<String> values(JsonNode roster, String field) {
        List<String> values = new ArrayList<>();
        roster.get("members").forEach(line -> values.add(line.path(field).asText(null)));
        return values;
    }

    @Test
    void aWardsRosterListsEveryMemberOfItsBranchesEachWithTheBranchWhoseRollItIsOn() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        int members = Scenario.FIRST_BRANCH_ON_PAPER + Scenario.BRANCH_ON_PAPER;

        JsonNode ward = await().atMost(Duration.ofSeconds(30)).until(
                () -> expect(roster(board(), scenario.ward, "asOf=" + ON), 200),
                page -> page.get("totalMembers").asInt() == members);

        assertThat(ward.get("orgId").asText()).isEqualTo(scenario.ward);
        assertThat(ward.get("headcount").asInt()).isEqualTo(members);
        assertThat(ward.get("presentCount").asInt()).isEqualTo(members);
        assertThat(values(ward, "branchId")).containsExactlyElementsOf(Stream.concat(
                Collections.nCopies(Scenario.FIRST_BRANCH_ON_PAPER, scenario.branch).stream(),
                Collections.nCopies(Scenario.BRANCH_ON_PAPER, kp2).stream()).toList());
        assertThat(values(ward, "memberId")).contains(Scenario.onPaper(scenario.branch, 1), Scenario.onPaper(kp2, 3));
        JsonNode secondPage = expect(roster(board(), scenario.ward, "asOf=" + ON + "&size=5&page=2"), 200);
        assertThat(values(secondPage, "memberId")).containsExactly(Scenario.onPaper(kp2, 2), Scenario.onPaper(kp2, 3));
        // before the ward was founded there is no ward to list, even to an auditor, who reads every organisation
        assertThat(roster(as("auditor", "auditor-local-only"), scenario.ward, "asOf=1999-12-31").getStatusCode()
                .value()).isEqualTo(404);
    }

    @Test
    void aMemberWhoseTransferLetterIsNotYetPresentedIsInTransitOnTheSendingRollCountedButNotPresent() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String memberId = Scenario.onPaper(scenario.branch, 1);
        String transferId = "t-" + scenario.suffix;
        expect(scenario.issueTransferLetter(transferId, memberId, "OFFICIAL", kp2, null), 201);

        JsonNode inTransit = await().atMost(Duration.ofSeconds(30)).until(
                () -> expect(roster(board(), scenario.branch, "asOf=2025-09-05"), 200),
                page -> Scenario.entryOf(page, memberId).hasNonNull("inTransit"));
        assertThat(Scenario.entryOf(inTransit, memberId).get("inTransit").get("toOrgId").asText()).isEqualTo(kp2);
        assertThat(Scenario.entryOf(inTransit, memberId).get("inTransit").get("since").asText())
                .isEqualTo("2025-09-03");
        assertThat(inTransit.get("headcount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);
        assertThat(inTransit.get("presentCount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER - 1);

        long presented = expect(scenario.presentTransferLetter(transferId, kp2, "2025-09-10"), 200)
                .get("position").asLong();

        // read with the presentation's position: a read while the batch's writes are being sent may find the entry
        // at the receiving branch written and the end of the transit not yet (one bulk write per collection)
        JsonNode arrived = expect(roster(board(), kp2, "asOf=2025-09-11&minPosition=" + presented), 200);
        assertThat(values(arrived, "memberId")).contains(memberId);
        assertThat(Scenario.entryOf(arrived, memberId).get("inTransit").isNull()).isTrue();
        assertThat(arrived.get("presentCount").asInt()).isEqualTo(Scenario.BRANCH_ON_PAPER + 1);
        assertThat(values(expect(roster(board(), scenario.branch, "asOf=2025-09-11"), 200), "memberId"))
                .doesNotContain(memberId);
        // as of the days in between, the sending roll still shows the letter in transit
        assertThat(Scenario.entryOf(expect(roster(board(), scenario.branch, "asOf=2025-09-09"), 200), memberId)
                .get("inTransit").get("toOrgId").asText()).isEqualTo(kp2);
        JsonNode totals = expect(board().get().uri("/api/v1/organisations/{id}/roster/totals?asOf=2025-09-05",
                scenario.ward).retrieve().toEntity(JsonNode.class), 200).get("total");
        assertThat(totals.get("inTransit").asInt()).isEqualTo(1);
        assertThat(totals.get("present").asInt()).isEqualTo(totals.get("headcount").asInt() - 1);
    }

    @Test
    void namesAreGivenWithAStatedPurposeToThoseEntitledAndEachNameGivenIsRecordedInTheAccessAudit() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = Scenario.onPaper(scenario.branch, 2);
        String personId = "person-" + memberId;
        await().atMost(Duration.ofSeconds(30)).until(
                () -> expect(roster(board(), scenario.branch, "asOf=" + ON), 200),
                page -> page.get("totalMembers").asInt() == Scenario.FIRST_BRANCH_ON_PAPER);

        JsonNode withoutNames = expect(roster(board(), scenario.branch, "asOf=" + ON), 200);
        assertThat(values(withoutNames, "name")).containsOnlyNulls();
        assertThat(accessAudit(personId)).isEmpty();

        ResponseEntity<JsonNode> noPurpose = roster(board(), scenario.branch, "asOf=" + ON + "&names=true");
        assertThat(noPurpose.getStatusCode().value()).isEqualTo(400);
        assertThat(noPurpose.getBody().get("errors").get(0).get("field").asText()).isEqualTo("purpose");
        ResponseEntity<JsonNode> outOfScope = roster(secretary(), scenario.branch,
                "asOf=" + ON + "&names=true&purpose=CASE_WORK");
        assertThat(outOfScope.getStatusCode().value()).isEqualTo(403);
        assertThat(outOfScope.getBody().toString()).doesNotContain("Lê Văn");
        assertThat(accessAudit(personId)).as("refused reads give and record nothing").isEmpty();

        JsonNode named = expect(roster(board(), scenario.branch,
                "asOf=" + ON + "&names=true&purpose=CASE_WORK&size=3"), 200);
        assertThat(values(named, "name")).hasSize(3).allMatch(name -> name.startsWith("Lê Văn paper-"));
        assertThat(Scenario.entryOf(named, memberId).get("name").asText()).isEqualTo("Lê Văn " + memberId);
        JsonNode audit = accessAudit(personId);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("data").asText()).isEqualTo("NAME_ON_ROSTER");
        assertThat(audit.get(0).get("purpose").asText()).isEqualTo("CASE_WORK");
        assertThat(audit.get(0).get("userId").asText()).isEqualTo("board");
        // only the names on the page asked for are read, and so recorded
        assertThat(accessAudit("person-" + Scenario.onPaper(scenario.branch, 9))).isEmpty();
    }
}

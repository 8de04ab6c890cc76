package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Seed 000's admission over HTTP, followed through the ward's due list (issue 11 item 6): the decision due after the
 * branch's vote, then the ceremony after the receipt, then probation's end; exemptions and attachments ending,
 * certificates and files going stale, branches below three full members (ADR 0041) — each read with the position the
 * command answered, so the list already shows it; and the list followed live (issue 11 item 7).
 */
class DueListEndToEndTest extends RunningApplication {

    @Test
    void theWardsDueListFollowsAnAdmissionFromTheVoteToProbation() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.Admission admission = scenario.admissionIn(scenario.branch);
        scenario.readyForDecision(memberId);

        // the votes' positions are not at hand here: the list is asked again until it has read them
        JsonNode afterVotes = await().atMost(Duration.ofSeconds(30)).until(
                () -> due(scenario.ward, admission.branchVoteOn().toString(), 90, 0),
                list -> list.get("items").findValuesAsText("memberId").contains(memberId));
        JsonNode decided = expect(scenario.decideAdmission(memberId), 200);
        JsonNode afterDecision = due(scenario.ward, admission.decidedOn().plusDays(2).toString(), 90,
                decided.get("position").asLong());
        JsonNode admitted = expect(scenario.admit(memberId, admission.ceremonyOn().toString()), 200);
        JsonNode afterCeremony = due(scenario.ward, admission.ceremonyOn().toString(), 366,
                admitted.get("position").asLong());

        assertThat(itemOf(afterVotes, memberId).get("kind").asText()).isEqualTo("ADMISSION_DECISION");
        assertThat(itemOf(afterVotes, memberId).get("branchId").asText()).isEqualTo(scenario.branch);
        assertThat(LocalDate.parse(itemOf(afterVotes, memberId).get("dueOn").asText()))
                .isAfter(admission.branchVoteOn().plusDays(60));
        assertThat(itemOf(afterDecision, memberId).get("kind").asText()).isEqualTo("CEREMONY");
        assertThat(itemOf(afterCeremony, memberId).get("kind").asText()).isEqualTo("PROBATION_END");
        assertThat(itemOf(afterCeremony, memberId).get("dueOn").asText())
                .isEqualTo(admission.ceremonyOn().plusMonths(12).toString());
    }

    @Test
    void aTemporaryExemptionAndAnAttachmentAreDueToEndUntilEndedEarlyOrExtended() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String exempt = Scenario.onPaper(scenario.branch, 1);
        String attached = Scenario.onPaper(scenario.branch, 3);
        String transferId = "t-" + scenario.suffix;
        expect(grantTemporaryExemption(scenario, exempt, "2025-09-01", "2026-03-01"), 200);
        expect(scenario.issueTransferLetter(transferId, attached, "TEMPORARY", kp2, "2026-03-03"), 201);
        long presented = expect(scenario.presentTransferLetter(transferId, kp2, "2025-09-10"), 200)
                .get("position").asLong();

        JsonNode before = due(scenario.ward, "2026-02-19", 30, presented);
        assertThat(itemOf(before, exempt, "EXEMPTION_END").get("dueOn").asText()).isEqualTo("2026-03-01");
        assertThat(itemOf(before, exempt, "EXEMPTION_END").get("rule").asText())
                .isEqualTo("TEMP_EXEMPTION_MAX_MONTHS (I15)");
        JsonNode attachment = itemOf(before, attached, "ATTACHMENT_END");
        assertThat(attachment.get("dueOn").asText()).isEqualTo("2026-03-03");
        assertThat(attachment.get("transferId").asText()).isEqualTo(transferId);
        assertThat(attachment.get("branchId").asText()).as("the home extends it").isEqualTo(scenario.branch);
        assertThat(attachment.get("rule").asText()).isEqualTo("TEMP_TRANSFER_RANGE (I17)");

        expect(scenario.post("/api/v1/members/" + exempt + "/end-exemption", """
                {"reason": "MEMBER_RESUMED", "endedOn": "2026-01-05", "returnFeedbackRef": "nx-1"}
                """), 200);
        long extended = expect(scenario.post("/api/v1/transfers/" + transferId + "/extend-temporary-attachment", """
                {"newUntil": "2026-06-01", "extendedOn": "2026-02-20",
                 "report": {"docNumber": "5-BC/CB", "docDate": "2026-02-20", "issuingOrgId": "%s"}}
                """.formatted(kp2)), 200).get("position").asLong();

        assertThat(kindsOf(due(scenario.ward, "2026-02-19", 30, extended), exempt)).as("ended early")
                .doesNotContain("EXEMPTION_END");
        assertThat(kindsOf(due(scenario.ward, "2026-01-04", 60, extended), exempt)).as("as of before it ended")
                .contains("EXEMPTION_END");
        assertThat(itemOf(due(scenario.ward, "2026-02-19", 30, extended), attached, "ATTACHMENT_END")
                .get("dueOn").asText()).as("as of before the extension").isEqualTo("2026-03-03");
        assertThat(kindsOf(due(scenario.ward, "2026-02-20", 30, extended), attached)).doesNotContain("ATTACHMENT_END");
        assertThat(itemOf(due(scenario.ward, "2026-02-20", 120, extended), attached, "ATTACHMENT_END")
                .get("dueOn").asText()).isEqualTo("2026-06-01");

        long returned = expect(scenario.post("/api/v1/transfers/" + transferId + "/end-temporary-attachment", """
                {"returnDate": "2026-05-15", "hostFeedbackRef": "nx-kp2-1"}
                """), 200).get("position").asLong();

        assertThat(kindsOf(due(scenario.ward, "2026-05-15", 30, returned), attached)).doesNotContain("ATTACHMENT_END");
    }

    /**
     * Seed 000's file, the candidate never voted on: certificate of 10 Feb 2025 (valid 60 months), application of
     * 10 Mar 2025 (fresh 12 months), both gone from the list once the application is withdrawn.
     */
    @Test
    void aCandidatesCertificateAndFileAreDueToGoStaleUntilTheApplicationIsWithdrawn() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);
        scenario.compileFile(memberId);
        // a step whose answer carries a position after the file's, for the reads to wait for
        long compiled = expect(scenario.step(memberId, "record-comments-summary", """
                {"docRef": "TH-06", "filedOn": "2025-05-12"}
                """), 200).get("position").asLong();

        JsonNode afterApplying = due(scenario.branch, "2025-03-10", 366, compiled);
        assertThat(itemOf(afterApplying, memberId, "FILE_STALE").get("dueOn").asText()).isEqualTo("2026-03-10");
        assertThat(itemOf(afterApplying, memberId, "FILE_STALE").get("rule").asText())
                .isEqualTo("FILE_STALE_MONTHS (I5, FILE_STALE)");
        JsonNode years = due(scenario.ward, "2029-03-01", 366, compiled);
        assertThat(itemOf(years, memberId, "CERTIFICATE_STALE").get("dueOn").asText()).isEqualTo("2030-02-10");
        assertThat(itemOf(years, memberId, "CERTIFICATE_STALE").get("rule").asText())
                .isEqualTo("AWARENESS_CERT_VALIDITY_MONTHS (I5)");
        assertThat(itemOf(years, memberId, "FILE_STALE").get("overdue").asBoolean()).isTrue();

        long withdrawn = expect(scenario.step(memberId, "withdraw-application", """
                {"withdrawnOn": "2025-05-05", "reason": "moved away"}
                """), 200).get("position").asLong();

        assertThat(kindsOf(due(scenario.branch, "2025-05-04", 366, withdrawn), memberId)).contains("FILE_STALE");
        assertThat(kindsOf(due(scenario.branch, "2025-05-05", 366, withdrawn), memberId)).as("withdrawn").isEmpty();
        assertThat(kindsOf(due(scenario.ward, "2029-03-01", 366, withdrawn), memberId)).isEmpty();
    }

    /**
     * A branch founded with two members on paper is below the Charter's three from its founding until a member's
     * transfer brings the third; the second branch falls below on a member's death. The ward lists them; a branch's own
     * list does not, as its superior acts.
     */
    @Test
    void branchesBelowThreeFullMembersAreListedForTheWardFromTheDayTheyFellBelowUntilTheThirdArrives() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String kp3 = "kp3-" + scenario.suffix;
        scenario.branchOf(scenario.ward, kp3, "Chi bộ Khu phố 3", LocalDate.of(2010, 1, 4), 2);
        String transferId = "t-" + scenario.suffix;
        expect(scenario.issueTransferLetter(transferId, Scenario.onPaper(scenario.branch, 9), "OFFICIAL", kp3, null),
                201);
        expect(scenario.presentTransferLetter(transferId, kp3, "2025-09-10"), 200);
        long died = expect(scenario.step(Scenario.onPaper(kp2, 1), "record-death", """
                {"dateOfDeath": "2025-10-01"}
                """), 200).get("position").asLong();

        JsonNode beforeTheTransfer = due(scenario.ward, "2025-09-09", 0, died);
        assertThat(belowMinimum(beforeTheTransfer)).containsExactly(kp3);
        JsonNode small = belowMinimumItem(beforeTheTransfer, kp3);
        assertThat(small.get("since").asText()).isEqualTo("2010-01-04");
        assertThat(small.get("memberId").isNull()).isTrue();
        assertThat(small.get("rule").asText()).contains("Charter Art. 21.2");
        assertThat(belowMinimum(due(kp3, "2025-09-09", 0, died))).as("the branch's own list").isEmpty();
        assertThat(belowMinimum(due(scenario.ward, "2025-09-10", 0, died))).as("the third arrived").isEmpty();
        assertThat(belowMinimum(due(scenario.ward, "2025-09-30", 0, died))).isEmpty();
        assertThat(belowMinimum(due(scenario.ward, "2025-10-01", 0, died))).containsExactly(kp2);
        assertThat(belowMinimumItem(due(scenario.ward, "2025-10-02", 0, died), kp2).get("since").asText())
                .isEqualTo("2025-10-01");
    }

    /**
     * The ward's due list followed as Server-Sent Events: a temporary exemption granted shows on it, and goes from it
     * when ended early; the time from the command's answer to the event is printed.
     */
    @Test
    void aFollowedDueListShowsAnExemptionGrantedThenLosesItWhenItEnds() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String exempt = Scenario.onPaper(scenario.branch, 2);
        // the ward in the tree's projection first: a list is followed for an organisation the tree knows
        await().atMost(Duration.ofSeconds(30)).until(() -> board().get()
                .uri("/api/v1/organisations/{id}/due?asOf=2026-02-20&within=30", scenario.ward).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value() == 200);
        try (EventStream followed = EventStream.follow(liveDueUri(scenario.ward, "?asOf=2026-02-20&within=30"),
                "board", "board-local-only", "due")) {
            assertThat(followed.response.statusCode()).isEqualTo(200);
            assertThat(kindsOf(followed.next(), exempt)).isEmpty();

            expect(grantTemporaryExemption(scenario, exempt, "2025-09-01", "2026-03-01"), 200);
            long granted = System.nanoTime();
            JsonNode withTheExemption = followed.next();
            System.out.printf("live due list: the exemption showed %d ms after the command answered%n",
                    (System.nanoTime() - granted) / 1_000_000);
            assertThat(itemOf(withTheExemption, exempt, "EXEMPTION_END").get("dueOn").asText()).isEqualTo("2026-03-01");

            expect(scenario.post("/api/v1/members/" + exempt + "/end-exemption", """
                    {"reason": "MEMBER_RESUMED", "endedOn": "2026-01-05", "returnFeedbackRef": "nx-2"}
                    """), 200);
            assertThat(kindsOf(followed.next(), exempt)).isEmpty();
        }
    }

    /** The users the plain list refuses are refused the live one alike, with the same problem, before any stream. */
    @ParameterizedTest
    @ValueSource(strings = {"secretary", "administrator", "security-officer", "lapsed-auditor"})
    void aCallerTheDueListRefusesIsRefusedTheLiveDueListAlikeBeforeAnyStream(String user) throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        ResponseEntity<JsonNode> plain = as(user, user + "-local-only").get()
                .uri("/api/v1/organisations/{id}/due", scenario.ward).retrieve().toEntity(JsonNode.class);

        HttpResponse<String> refused = HttpClient.newHttpClient().send(EventStream.request(
                liveDueUri(scenario.ward, ""), user, user + "-local-only"), HttpResponse.BodyHandlers.ofString());

        EventStream.assertRefusedAlike(plain, refused);
    }

    private String liveDueUri(String orgId, String query) {
        return "http://localhost:" + port + "/api/v1/organisations/" + orgId + "/due/live" + query;
    }

    private static ResponseEntity<JsonNode> grantTemporaryExemption(Scenario scenario, String memberId, String from,
                                                                    String until) {
        return scenario.post("/api/v1/members/" + memberId + "/grant-exemption", """
                {"kind": "TEMPORARY", "reason": "WORKING_AWAY", "from": "%s", "until": "%s",
                 "applicationRef": "don-%s",
                 "resolution": {"docNumber": "12-NQ", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(from, until, memberId, from, scenario.ward));
    }

    private static List<String> kindsOf(JsonNode list, String memberId) {
        List<String> kinds = new ArrayList<>();
        list.get("items").forEach(item -> {
            if (item.get("memberId").asText().equals(memberId)) {
                kinds.add(item.get("kind").asText());
            }
        });
        return kinds;
    }

    private static JsonNode itemOf(JsonNode list, String memberId, String kind) {
        for (JsonNode item : list.get("items")) {
            if (item.get("memberId").asText().equals(memberId) && item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError(memberId + " has no " + kind + " due in " + list);
    }

    private static List<String> belowMinimum(JsonNode list) {
        List<String> branches = new ArrayList<>();
        list.get("items").forEach(item -> {
            if (item.get("kind").asText().equals("BRANCH_BELOW_MINIMUM")) {
                branches.add(item.get("branchId").asText());
            }
        });
        return branches;
    }

    private static JsonNode belowMinimumItem(JsonNode list, String branchId) {
        for (JsonNode item : list.get("items")) {
            if (item.get("kind").asText().equals("BRANCH_BELOW_MINIMUM")
                    && item.get("branchId").asText().equals(branchId)) {
                return item;
            }
        }
        throw new AssertionError(branchId + " is not below the minimum in " + list);
    }

    /** The list as of a date, read once the due list has read through {@code minPosition}. */
    private JsonNode due(String orgId, String asOf, int within, long minPosition) {
        return expect(board().get().uri("/api/v1/organisations/{id}/due?asOf={asOf}&within={within}"
                + "&minPosition={position}", orgId, asOf, within, minPosition).retrieve().toEntity(JsonNode.class), 200);
    }

    private static JsonNode itemOf(JsonNode list, String memberId) {
        for (JsonNode item : list.get("items")) {
            if (item.get("memberId").asText().equals(memberId)) {
                return item;
            }
        }
        throw new AssertionError(memberId + " has nothing due in " + list);
    }
}

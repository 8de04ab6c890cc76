package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Bad input and broken rules answer 4xx problem+json naming the field or rule, and write nothing. The refusals a new
 * user meets in issue 3 are each tested once, where their story is told: wrong order of steps, missing introducer,
 * under-age and probationer introducing in {@link RecruitmentEndToEndTest}; ceremony without approval or too late and
 * transfer of a struck-off member here; merge leaving a member homeless in {@link OrganisationLifecycleEndToEndTest};
 * badge too early in {@link PartyCardAndBadgesEndToEndTest}; a district deciding after 1 Jul 2025 in
 * {@link SeedScenariosEndToEndTest}.
 */
class RefusalsTest extends RunningApplication {

    @Autowired
    Today today;

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    @Test
    void aMissingFieldAnswers400NamingTheField() {
        Scenario scenario = new Scenario(board()).organisationTree();

        ResponseEntity<JsonNode> response = scenario.post(
                "/api/v1/members/m-" + scenario.suffix + "/register-candidate",
                "{\"personId\": \"p-1\", \"source\": \"RESIDENT\", \"registeredOn\": \"2025-03-03\"}");

        assertProblem(response, 400, "INVALID_INPUT");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("branchId");
        assertThat(eventsOf("m-" + scenario.suffix)).isZero();
    }

    @Test
    void anUnknownEnumValueAnswers400NamingTheField() {
        Scenario scenario = new Scenario(board()).organisationTree();

        ResponseEntity<JsonNode> response = scenario.post(
                "/api/v1/members/m-" + scenario.suffix + "/register-candidate",
                "{\"personId\": \"p-1\", \"branchId\": \"" + scenario.branch
                        + "\", \"source\": \"ALIENS\", \"registeredOn\": \"2025-03-03\"}");

        assertProblem(response, 400, "INVALID_INPUT");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("source");
    }

    @Test
    void malformedJsonAnswers400() {
        Scenario scenario = new Scenario(board());

        assertProblem(scenario.post("/api/v1/members/m-x/admit", "{\"ceremonyDate\": "), 400, "INVALID_INPUT");
    }

    @Test
    void anInvalidIdInThePathAnswers400() {
        Scenario scenario = new Scenario(board());

        assertProblem(scenario.post("/api/v1/members/bad id!/admit", "{\"ceremonyDate\": \"2025-08-19\"}"), 400,
                "INVALID_INPUT");
    }

    @Test
    void aCeremonyWithoutAnApprovedAdmissionAnswers422NamingRuleI8AndLeavesTheLogUnchanged() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);

        ResponseEntity<JsonNode> response = scenario.admit(memberId, "2025-08-19");

        assertProblem(response, 422, "I8");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("ceremonyRequiresAnApprovedAdmission");
        assertThat(eventsOf(memberId)).isEqualTo(1);
    }

    @Test
    void aCeremonyTooLongAfterTheDecisionAnswers422NamingRuleI8() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        expect(scenario.decideAdmission(memberId), 200);

        ResponseEntity<JsonNode> response = scenario.admit(memberId, "2025-10-20");

        assertProblem(response, 422, "I8");
        assertThat(response.getBody().get("detail").asText()).contains("30 working days");
        assertThat(eventsOf(memberId)).isEqualTo(Scenario.EVENTS_BEFORE_DECISION + 1);
    }

    @Test
    void aReceiptDatedBeforeTheDecisionAnswers422NamingRuleI7AndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        Scenario.Admission admission = scenario.admissionIn(scenario.branch);
        LocalDate signed = admission.decidedOn();

        ResponseEntity<JsonNode> response = scenario.decideAdmission(memberId, admission, signed.minusDays(1));

        assertProblem(response, 422, "I7");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("branchCannotReceiveTheDecisionBeforeItIsSigned");
        assertThat(response.getBody().get("detail").asText()).contains(signed.toString(),
                signed.minusDays(1).toString());
        assertThat(eventsOf(memberId)).isEqualTo(Scenario.EVENTS_BEFORE_DECISION);
    }

    /** The request is judged on the application's clock, in Vietnam: a receipt dated tomorrow there is bad input. */
    @Test
    void aReceiptDatedTomorrowAnswers400NamingTheFieldAndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);

        ResponseEntity<JsonNode> response = scenario.decideAdmission(memberId, scenario.admissionIn(scenario.branch),
                today.date().plusDays(1));

        assertProblem(response, 400, "INVALID_INPUT");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("receivedByBranchOn");
        assertThat(eventsOf(memberId)).isEqualTo(Scenario.EVENTS_BEFORE_DECISION);
    }

    @Test
    void anExemptionStartingTomorrowAnswers422NamingTheBusinessDateRuleAndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);
        LocalDate tomorrow = today.date().plusDays(1);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "grant-exemption", """
                {"kind": "TEMPORARY", "reason": "WORKING_AWAY", "from": "%s", "until": "%s", "applicationRef": "don-1",
                 "resolution": {"docNumber": "88-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(tomorrow, tomorrow.plusMonths(6), today.date(), scenario.ward));

        assertProblem(response, 422, "BUSINESS_DATE_NOT_IN_THE_FUTURE");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("businessDateIsNotInTheFuture");
        assertThat(response.getBody().get("detail").asText()).contains(tomorrow.toString(), today.date().toString());
        assertThat(eventsOf(memberId)).isEqualTo(before);
    }

    @Test
    void aTransferLetterForAStruckOffMemberAnswers422NamingRuleI16AndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId)
                .struckOffForMissedMeetings(memberId, scenario.branch, YearMonth.of(2026, 7), 1, scenario.ward,
                        LocalDate.of(2026, 11, 9));
        String kp2 = scenario.secondBranch();
        long memberEvents = eventsOf(memberId);
        long kp2Events = eventsOf(kp2);
        String transferId = "t-" + scenario.suffix;

        ResponseEntity<JsonNode> response = scenario.post("/api/v1/transfers/" + transferId + "/issue-transfer-letter",
                """
                {"memberId": "%s", "type": "OFFICIAL", "fromOrgId": "%s", "toOrgId": "%s",
                 "trigger": "RESIDENCE_CHANGE", "triggerDate": "2026-11-10", "requestedOn": "2026-11-11",
                 "letter": {"docNumber": "31-GGT/ĐU", "docDate": "2026-11-12", "issuingOrgId": "%s"}}
                """.formatted(memberId, scenario.branch, kp2, scenario.ward));

        assertProblem(response, 422, "I16");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("onlyAProbationaryOrFullMemberIsTransferred");
        assertThat(response.getBody().get("detail").asText()).contains("STRUCK_OFF");
        assertThat(eventsOf(transferId)).isZero();
        assertThat(eventsOf(memberId)).isEqualTo(memberEvents);
        assertThat(eventsOf(kp2)).isEqualTo(kp2Events);
    }

    /**
     * Old paper decisions are keyed in, but 2011 is a year no calendar file lists (the shipped one starts in 2015): its
     * deadline is refused, not counted from weekends alone, until that year's calendar is added.
     */
    @Test
    void anAdmissionDecidedInAYearWithoutAPublishedCalendarAnswers422NamingWorkingDayCalendarAndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.Admission in2011 = scenario.admissionIn(scenario.branch, LocalDate.of(2011, 6, 6));
        scenario.readyForDecision(memberId, in2011);
        long memberEvents = eventsOf(memberId);

        ResponseEntity<JsonNode> response = scenario.decideAdmission(memberId, in2011);

        assertProblem(response, 422, "WORKING_DAY_CALENDAR");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("aDeadlineIsCountedOnlyThroughPublishedYears");
        assertThat(response.getBody().get("detail").asText()).contains("2011");
        assertThat(eventsOf(memberId)).isEqualTo(memberEvents);
    }

    /** A branch not on record is in nobody's subtree: the answer is the one a branch out of scope gets (ADR 0021). */
    @Test
    void aCandidateInABranchThatDoesNotExistIsRefusedAsOutOfScope() {
        Scenario scenario = new Scenario(board());

        assertProblem(scenario.registerCandidate("m-" + scenario.suffix), 403, "OUT_OF_SCOPE");
        assertThat(eventsOf("m-" + scenario.suffix)).isZero();
    }

    @Test
    void establishingAnOrganisationTwiceAnswers409() {
        Scenario scenario = new Scenario(board()).organisationTree();

        ResponseEntity<JsonNode> again = scenario.post("/api/v1/organisations/" + scenario.province + "/establish", """
                {"name": "again", "kind": "PROVINCIAL", "foundingFullMembers": 0, "effectiveDate": "1975-05-01"}
                """);

        assertProblem(again, 409, "ALREADY_EXISTS");
        assertThat(eventsOf(scenario.province)).isEqualTo(1);
    }

    /** Least privilege reveals nothing (ADR 0021): no record is in anyone's scope, so it reads as one out of scope. */
    @Test
    void aCommandForARecordThatDoesNotExistAnswersAsARecordOutOfScope() {
        assertProblem(new Scenario(board()).admit("no-such-member", "2025-08-19"), 403, "OUT_OF_SCOPE");
    }

    @Test
    void anonymousWritesAreRefusedWith401() {
        ResponseEntity<JsonNode> response = anonymous().post().uri("/api/v1/members/m-anon/register-candidate")
                .body("{}").retrieve().toEntity(JsonNode.class);

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(eventsOf("m-anon")).isZero();
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        ResponseEntity<JsonNode> response = as("secretary", "wrong").get()
                .uri("/api/v1/organisations/x/roster").retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    /** An auditor reads every branch, so telling it that one does not exist reveals nothing. */
    @Test
    void theRosterOfAnUnknownBranchAnswersAnAuditor404() {
        ResponseEntity<JsonNode> response = as("auditor", "auditor-local-only").get().uri("/api/v1/organisations/nowhere/roster")
                .retrieve().toEntity(JsonNode.class);

        assertProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerAndAppliesNothingTwice() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerPerson("p-" + scenario.suffix, LocalDate.of(1995, 1, 1)), 201);
        String body = "{\"personId\": \"p-" + scenario.suffix + "\", \"branchId\": \"" + scenario.branch
                + "\", \"source\": \"RESIDENT\", \"registeredOn\": \"2025-03-03\"}";

        ResponseEntity<JsonNode> first = board().post().uri("/api/v1/members/{id}/register-candidate", memberId)
                .header("Idempotency-Key", "key-" + memberId).body(body).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> retry = board().post().uri("/api/v1/members/{id}/register-candidate", memberId)
                .header("Idempotency-Key", "key-" + memberId).body(body).retrieve().toEntity(JsonNode.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf(memberId)).isEqualTo(1);
    }

    @Test
    void requestsRacingUnderOneIdempotencyKeyAreRecordedOnceAndAllGetTheFirstAnswer() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerPerson("p-" + scenario.suffix, LocalDate.of(1995, 1, 1)), 201);
        String body = "{\"personId\": \"p-" + scenario.suffix + "\", \"branchId\": \"" + scenario.branch
                + "\", \"source\": \"RESIDENT\", \"registeredOn\": \"2025-03-03\"}";
        ExecutorService desks = Executors.newFixedThreadPool(4);
        try {
            List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(desks.submit(() -> board().post()
                        .uri("/api/v1/members/{id}/register-candidate", memberId)
                        .header("Idempotency-Key", "race-" + memberId).body(body)
                        .retrieve().toEntity(JsonNode.class)));
            }
            Set<JsonNode> bodies = new HashSet<>();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.getStatusCode().value()).isEqualTo(201);
                bodies.add(response.getBody());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            desks.shutdownNow();
        }
        assertThat(eventsOf(memberId)).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentRequestIsRefused() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        expect(scenario.decideAdmission(memberId), 200);

        ResponseEntity<JsonNode> first = board().post().uri("/api/v1/members/{id}/admit", memberId)
                .header("Idempotency-Key", "k-" + memberId).body("{\"ceremonyDate\": \"2025-08-19\"}")
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> other = board().post().uri("/api/v1/members/{id}/admit", memberId)
                .header("Idempotency-Key", "k-" + memberId).body("{\"ceremonyDate\": \"2025-08-20\"}")
                .retrieve().toEntity(JsonNode.class);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(eventsOf(memberId)).isEqualTo(Scenario.EVENTS_BEFORE_DECISION + 2);
    }

    @Test
    void aStaleIfMatchAnswers412AndAFreshOneIsAccepted() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        String etag = scenario.decideAdmission(memberId).getHeaders().getETag();

        ResponseEntity<JsonNode> stale = board().post().uri("/api/v1/members/{id}/admit", memberId)
                .header("If-Match", "\"1\"").body("{\"ceremonyDate\": \"2025-08-19\"}")
                .retrieve().toEntity(JsonNode.class);
        assertProblem(stale, 412, "STALE_VERSION");
        assertThat(eventsOf(memberId)).isEqualTo(Scenario.EVENTS_BEFORE_DECISION + 1);

        ResponseEntity<JsonNode> fresh = board().post().uri("/api/v1/members/{id}/admit", memberId)
                .header("If-Match", etag).body("{\"ceremonyDate\": \"2025-08-19\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(fresh.getStatusCode().value()).isEqualTo(200);
        assertThat(fresh.getHeaders().getETag())
                .isEqualTo("\"" + (Scenario.EVENTS_BEFORE_DECISION + 1) + "\"");
    }

    @Test
    void aMalformedIfMatchAnswers400() {
        ResponseEntity<JsonNode> response = board().post().uri("/api/v1/members/m-x/admit")
                .header("If-Match", "yesterday").body("{\"ceremonyDate\": \"2025-08-19\"}")
                .retrieve().toEntity(JsonNode.class);

        assertProblem(response, 400, "INVALID_HEADER");
    }
}

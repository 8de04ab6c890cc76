package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/** The recruitment dashboard followed as Server-Sent Events (issue 11 item 7, ADR 0039). */
class LiveRecruitmentEndToEndTest extends RunningApplication {

    private static final Logger log = LoggerFactory.getLogger(LiveRecruitmentEndToEndTest.class);

    @Test
    void aFollowedDashboardShowsTheAdmissionDecidedAndHowLongItTook() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);

        try (EventStream followed = EventStream.follow(dashboardUri(scenario.ward), "board", "board-local-only",
                "recruitment")) {
            assertThat(followed.response.statusCode()).isEqualTo(200);
            assertThat(followed.next().get("total").get("admitted").asInt()).isZero();

            expect(scenario.decideAdmission(memberId), 200);
            long answered = System.nanoTime();

            // until the branch shows it: the ward's figure and each branch's are read one after the other, so a
            // dashboard read while the admission's batch is being written may show it in one and not yet the other
            JsonNode dashboard = followed.next();
            while (admittedIn(dashboard, scenario.branch) == 0) {
                dashboard = followed.next();
            }
            log.info("The admission showed on the live dashboard {} ms after the command's answer",
                    (System.nanoTime() - answered) / 1_000_000);
            assertThat(dashboard.get("total").get("admitted").asInt()).as("%s", dashboard).isEqualTo(1);
        }
    }

    /** The admissions of the branch among the dashboard's sub-organisations, found by id (their order may vary). */
    private static int admittedIn(JsonNode dashboard, String branchId) {
        return StreamSupport.stream(dashboard.get("subOrganisations").spliterator(), false)
                .filter(sub -> sub.get("orgId").asText().equals(branchId)).findFirst()
                .map(sub -> sub.get("admitted").asInt()).orElse(0);
    }

    /**
     * A secretary reads only the branch, and a lapsed auditor nothing: the ward's live dashboard refuses them as the
     * plain one does, before any stream.
     */
    @ParameterizedTest
    @ValueSource(strings = {"secretary", "lapsed-auditor"})
    void aCallerThePlainDashboardRefusesIsRefusedTheLiveOneAlikeBeforeAnyStream(String user) throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        ResponseEntity<JsonNode> plain = as(user, user + "-local-only").get()
                .uri("/api/v1/organisations/{id}/recruitment?year=2025", scenario.ward).retrieve()
                .toEntity(JsonNode.class);

        HttpResponse<String> refused = HttpClient.newHttpClient().send(EventStream.request(
                dashboardUri(scenario.ward), user, user + "-local-only"), HttpResponse.BodyHandlers.ofString());

        EventStream.assertRefusedAlike(plain, refused);
    }

    private String dashboardUri(String orgId) {
        return "http://localhost:" + port + "/api/v1/organisations/" + orgId + "/recruitment/live?year=2025";
    }
}

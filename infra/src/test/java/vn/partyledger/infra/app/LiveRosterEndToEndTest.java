package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.roster.FindBranchRoster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The branch roster followed as Server-Sent Events (issue 11 item 7, ADR 0033), read by a real HTTP client as a
 * browser's EventSource would: each {@code roster} event is the whole roster.
 */
class LiveRosterEndToEndTest extends RunningApplication {

    private static final Duration PATIENCE = EventStream.PATIENCE;

    @Autowired
    QueryUpdateEmitter liveRosters;

    @Test
    void aFollowedRosterShowsTheMemberTheCeremonyAdmitted() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        expect(scenario.decideAdmission(memberId), 200);

        try (EventStream followed = follow("board", "board-local-only", scenario.branch)) {
            assertThat(followed.response.statusCode()).isEqualTo(200);
            assertThat(followed.next().get("members")).extracting(entry -> entry.get("memberId").asText())
                    .doesNotContain(memberId);

            expect(scenario.admit(memberId, "2025-08-19"), 200);

            JsonNode withTheMember = followed.next();
            while (!lists(withTheMember, memberId)) {
                withTheMember = followed.next();
            }
            assertThat(Scenario.entryOf(withTheMember, memberId).get("status").asText()).isEqualTo("PROBATIONARY");
        }
    }

    /**
     * The users the roster refuses, each for its own reason (out of scope, role, lapsed access): the live roster
     * refuses them the same way, with the same problem, before any stream. The permission matrix leaves the stream out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"secretary", "administrator", "security-officer", "lapsed-auditor"})
    void aCallerTheRosterRefusesIsRefusedTheLiveRosterAlikeBeforeAnyStream(String user) throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        ResponseEntity<JsonNode> plain = as(user, user + "-local-only").get()
                .uri("/api/v1/organisations/{id}/roster", scenario.branch).retrieve().toEntity(JsonNode.class);

        HttpResponse<String> refused = HttpClient.newHttpClient().send(
                liveRosterRequest(user, user + "-local-only", scenario.branch), HttpResponse.BodyHandlers.ofString());

        EventStream.assertRefusedAlike(plain, refused);
        assertThat(following(scenario.branch)).isFalse();
    }

    @Test
    void anOrganisationWithNoRosterIs404BeforeAnyStreamAndLeavesNoSubscription() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                liveRosterRequest("board", "board-local-only", scenario.ward), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("a ward is no branch: %s", answer.body()).isEqualTo(404);
        assertThat(following(scenario.ward)).isFalse();
    }

    @Test
    void aDateThatIsNoDateIs400ProblemBeforeAnyStream() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        liveRosterRequest("board", "board-local-only", scenario.branch),
                        (name, value) -> true).uri(URI.create(liveRosterUri(scenario.branch) + "?asOf=2026-13-01"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(following(scenario.branch)).isFalse();
    }

    /**
     * A server learns that a client went away when it next writes to it: the next changes of the roster end the
     * subscription, each member losing contact being one.
     */
    @Test
    void theSubscriptionEndsWhenTheClientGoesAway() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        try (EventStream followed = follow("board", "board-local-only", scenario.branch)) {
            followed.next();
            assertThat(following(scenario.branch)).isTrue();
        }

        Iterator<String> membersOnPaper = Stream.iterate(1, n -> n + 1).limit(Scenario.FIRST_BRANCH_ON_PAPER)
                .map(n -> Scenario.onPaper(scenario.branch, n)).iterator();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (following(scenario.branch) && membersOnPaper.hasNext()) {
                expect(scenario.step(membersOnPaper.next(), "record-lost-contact", """
                        {"from": "2026-09-14",
                         "decision": {"docNumber": "NQ-10/CB", "docDate": "2026-10-05", "issuingOrgId": "%s"}}
                        """.formatted(scenario.branch)), 200);
            }
            return !following(scenario.branch);
        });
    }

    private boolean following(String orgId) {
        return ((SimpleQueryUpdateEmitter) liveRosters).activeSubscriptions().stream()
                .anyMatch(query -> query.getPayload() instanceof FindBranchRoster roster
                        && roster.orgId().equals(orgId));
    }

    private static boolean lists(JsonNode roster, String memberId) {
        for (JsonNode entry : roster.get("members")) {
            if (entry.get("memberId").asText().equals(memberId)) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest liveRosterRequest(String user, String password, String orgId) {
        return EventStream.request(liveRosterUri(orgId), user, password);
    }

    private String liveRosterUri(String orgId) {
        return "http://localhost:" + port + "/api/v1/organisations/" + orgId + "/roster/live";
    }

    private EventStream follow(String user, String password, String orgId) throws IOException, InterruptedException {
        return EventStream.follow(liveRosterUri(orgId), user, password, "roster");
    }
}

package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * A command answers with the log position of its events, and a roster asked with that position answers only once it
 * shows them — without the client polling (issue 11 item 8).
 */
class ReadYourOwnWritesEndToEndTest extends RunningApplication {

    @Test
    void aRosterAskedWithTheCeremonysPositionAlreadyShowsTheNewMember() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        JsonNode decided = expect(scenario.decideAdmission(memberId), 200);

        JsonNode admitted = expect(scenario.admit(memberId, "2025-08-19"), 200);

        assertThat(admitted.get("position").asLong()).as("a later command, a later position")
                .isGreaterThan(decided.get("position").asLong());
        JsonNode roster = expect(board().get()
                .uri("/api/v1/organisations/{id}/roster?minPosition={position}", scenario.branch,
                        admitted.get("position").asLong())
                .retrieve().toEntity(JsonNode.class), 200);
        assertThat(Scenario.entryOf(roster, memberId).get("status").asText()).isEqualTo("PROBATIONARY");
    }

    @Test
    void aRetriedRequestAnswersTheSamePositionAsItsFirstDelivery() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.readyForDecision(memberId);
        expect(scenario.decideAdmission(memberId), 200);
        String ceremony = """
                {"ceremonyDate": "2025-08-19"}
                """;

        JsonNode first = admitWithKey(scenario, memberId, ceremony);
        JsonNode retried = admitWithKey(scenario, memberId, ceremony);

        assertThat(retried.get("position").asLong()).isEqualTo(first.get("position").asLong()).isPositive();
        assertThat(retried.get("eventIds")).isEqualTo(first.get("eventIds"));
    }

    @Test
    void aRosterAskedForAPositionNotYetWrittenAnswers503WithRetryAfter() {
        Scenario scenario = new Scenario(board()).organisationTree();

        ResponseEntity<JsonNode> response = board().get()
                .uri("/api/v1/organisations/{id}/roster?minPosition={position}", scenario.branch, Long.MAX_VALUE)
                .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().get("code").asText()).isEqualTo("PROJECTION_BEHIND");
    }

    private JsonNode admitWithKey(Scenario scenario, String memberId, String body) {
        return expect(board().post().uri("/api/v1/members/{id}/admit", memberId)
                .header("Idempotency-Key", "admit-" + scenario.suffix)
                .body(body).retrieve().toEntity(JsonNode.class), 200);
    }
}

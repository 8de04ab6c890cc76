package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole-log verification started in the background and followed over HTTP until its report (issue 13 item 3): by
 * the administrator or an auditor, refused to anyone else; a verification nobody started is not found.
 */
class VerificationProgressEndToEndTest extends RunningApplication {

    private ResponseEntity<JsonNode> start(RestClient client, String query) {
        return client.post().uri("/api/v1/admin/verifications" + query).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void theAdministratorStartsAVerificationAndAnAuditorFollowsItToItsReport() {
        new Scenario(board()).organisationTree();
        RestClient administrator = as("administrator", "administrator-local-only");
        RestClient auditor = as("auditor", "auditor-local-only");

        ResponseEntity<JsonNode> started = await().atMost(Duration.ofSeconds(30))
                .until(() -> start(administrator, ""), response -> response.getStatusCode().value() != 409);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        String id = started.getBody().get("id").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/v1/admin/verifications/" + id);
        assertThat(started.getBody().get("positionsTotal").asLong()).isPositive();

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> auditor.get().uri("/api/v1/admin/verifications/{id}", id).retrieve()
                                    .toEntity(JsonNode.class).getBody(),
                       progress -> !progress.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("positionsRead").asLong()).isEqualTo(done.get("positionsTotal").asLong());
        assertThat(done.get("eventsChecked").asLong()).isPositive()
                .isEqualTo(done.get("report").get("eventsChecked").asLong())
                .isLessThanOrEqualTo(done.get("eventsTotal").asLong());
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("endedAt").isNull()).isFalse();
    }

    @Test
    void othersAreRefusedAndAnUnknownOrHalfAskedVerificationIsAProblem() {
        ResponseEntity<JsonNode> bySecretary = start(secretary(), "");
        ResponseEntity<JsonNode> half = start(as("auditor", "auditor-local-only"), "?treeSize=3");
        ResponseEntity<JsonNode> unknown = as("auditor", "auditor-local-only").get()
                .uri("/api/v1/admin/verifications/no-such-verification").retrieve().toEntity(JsonNode.class);

        assertThat(bySecretary.getStatusCode().value()).isEqualTo(403);
        assertThat(bySecretary.getBody().get("code").asText()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(half.getStatusCode().value()).isEqualTo(400);
        assertThat(half.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rootHash");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }
}

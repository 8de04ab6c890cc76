package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/** The default set-up (H2 MVStore file and Kafka log under the data dir) keeps everything across a restart. */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return StandaloneApplication.start(dataDir);
    }

    private static RestClient board(ConfigurableApplicationContext context) {
        return StandaloneApplication.board(context);
    }

    private static JsonNode roster(RestClient client, String branch) {
        return expect(client.get().uri("/api/v1/organisations/{id}/roster?asOf=2025-12-31", branch)
                .retrieve().toEntity(JsonNode.class), 200);
    }

    @Test
    void theRosterAndTheLogAreUnchangedAfterARestart() {
        Scenario scenario;
        JsonNode before;
        try (ConfigurableApplicationContext first = start()) {
            RestClient client = board(first);
            scenario = new Scenario(client).organisationTree();
            scenario.admittedMember("m-" + scenario.suffix);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(roster(client, scenario.branch).get("headcount").asInt())
                            .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 1));
            before = roster(client, scenario.branch);
        }

        try (ConfigurableApplicationContext second = start()) {
            RestClient client = board(second);
            assertThat(roster(client, scenario.branch)).isEqualTo(before);
            // the log is there too: deciding the same admission again is refused by the reloaded aggregate
            JsonNode refused = expect(new Scenario(client).post(
                    "/api/v1/members/m-" + scenario.suffix + "/admit", "{\"ceremonyDate\": \"2025-08-20\"}"), 422);
            assertThat(refused.get("code").asText()).isEqualTo("I8");
        }
    }
}

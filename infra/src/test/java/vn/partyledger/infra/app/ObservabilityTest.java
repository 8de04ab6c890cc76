package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/** Health reports Mongo and Kafka; Prometheus exposes Axon's dimensional metrics with JVM and HTTP ones. */
class ObservabilityTest extends RunningApplication {

    @Test
    void healthIsUpAndReportsMongoAndKafka() {
        JsonNode health = expect(anonymous().get().uri("/actuator/health").retrieve().toEntity(JsonNode.class), 200);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesAxonCommandProcessorAndLatencyMetricsWithJvmAndHttpOnes() {
        Scenario scenario = new Scenario(board()).organisationTree();
        expect(scenario.registerCandidate("m-" + scenario.suffix), 201);

        String metrics = anonymous().get().uri("/actuator/prometheus").retrieve().body(String.class);

        assertThat(metrics)
                .contains("commandBus_successCounter_total")
                .contains("commandBus_allTimer_seconds")
                .contains("payloadType=\"RegisterOutstandingCandidate\"")
                .contains("eventProcessor_processedCounter_total")
                .contains("eventProcessor_latency")
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds");
    }

    @Test
    void theOpenApiDocumentListsTheCommands() {
        JsonNode api = expect(anonymous().get().uri("/v3/api-docs").retrieve().toEntity(JsonNode.class), 200);

        assertThat(api.get("paths").has("/api/v1/members/{memberId}/admit")).isTrue();
        assertThat(api.get("paths").has("/api/v1/organisations/{orgId}/establish")).isTrue();
        assertThat(api.get("paths").has("/api/v1/organisations/{orgId}/roster")).isTrue();
    }
}

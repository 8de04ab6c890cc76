package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.checkpoint.CheckpointProperties;
import vn.partyledger.infra.checkpoint.MerkleHash;
import vn.partyledger.infra.checkpoint.ProofVerifier;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auditor over HTTP: the checkpoints the running application records, an event's inclusion proof and the
 * consistency of two checkpoints, each verified by the procedure of docs/log-proofs.md, in Java and by the independent
 * Node.js verifier; the checkpoints on the Kafka topic; the whole log verified; bad requests answered as problems.
 */
class CheckpointsEndToEndTest extends RunningApplication {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    CheckpointProperties checkpoints;

    private RestClient auditor() {
        return as("auditor", "auditor-local-only");
    }

    private ResponseEntity<JsonNode> get(String uri, Object... variables) {
        return auditor().get().uri(uri, variables).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void anEventIsProvedInTheLatestCheckpointWhichExtendsTheFirstUnchanged() throws Exception {
        new Scenario(board()).organisationTree();
        List<Document> events = storedEvents();
        Document event = events.get(events.size() - 1);
        String eventId = event.getString("eventIdentifier");

        JsonNode proof = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                                .until(() -> get("/api/v1/proofs/inclusion?eventId={id}", eventId),
                                       response -> response.getStatusCode().value() == 200).getBody();

        JsonNode checkpoint = proof.get("checkpoint");
        long treeSize = checkpoint.get("treeSize").asLong();
        assertThat(proof.get("eventHash").asText()).isEqualTo(event.getString("hash"));
        assertThat(ProofVerifier.inclusion(proof.get("leafIndex").asLong(), treeSize,
                                           MerkleHash.ofEvent(event.getString("hash")), hashes(proof.get("auditPath")),
                                           MerkleHash.bytes(checkpoint.get("rootHash").asText()))).isTrue();

        JsonNode all = get("/api/v1/checkpoints?limit=1000").getBody();
        JsonNode first = all.get(all.size() - 1);
        JsonNode consistency = get("/api/v1/proofs/consistency?first={first}&second={second}",
                                   first.get("treeSize").asLong(), treeSize).getBody();
        assertThat(ProofVerifier.consistency(first.get("treeSize").asLong(), treeSize,
                                             hashes(consistency.get("proof")),
                                             MerkleHash.bytes(first.get("rootHash").asText()),
                                             MerkleHash.bytes(checkpoint.get("rootHash").asText()))).isTrue();

        Process node = new ProcessBuilder("node", Path.of("..", "docs", "log-proof-check.js").toString(),
                                          "--url", "http://localhost:" + port, "--user", "auditor:auditor-local-only",
                                          "--event", eventId).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        assertThat(output).contains("all checks passed").doesNotContain("FAIL");
    }

    @Test
    void everyCheckpointIsPublishedToItsTopic() throws IOException {
        new Scenario(board()).organisationTree();
        long latest = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/checkpoints/latest"), response -> response.getStatusCode().value() == 200)
                             .getBody().get("treeSize").asLong();

        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "checkpoints-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<Long> published = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(checkpoints.topic()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    published.add(json.readTree(record.value()).get("treeSize").asLong());
                }
                return published.contains(latest);
            });
        }
        assertThat(published).isSorted();
    }

    @Test
    void aProofOfNothingRecordedIsNotFoundAndAShrinkingTreeIsBadInput() {
        ResponseEntity<JsonNode> unknown = get("/api/v1/proofs/inclusion?eventId=no-such-event");
        ResponseEntity<JsonNode> noCheckpoint = get("/api/v1/proofs/consistency?first=1&second={size}",
                                                    Long.MAX_VALUE);
        ResponseEntity<JsonNode> shrinking = get("/api/v1/proofs/consistency?first=5&second=4");
        ResponseEntity<JsonNode> malformed = get("/api/v1/proofs/inclusion?eventId=a b");

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(noCheckpoint.getStatusCode().value()).isEqualTo(404);
        assertThat(shrinking.getStatusCode().value()).isEqualTo(400);
        assertThat(shrinking.getBody().path("errors").get(0).path("field").asText()).isEqualTo("second");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        for (ResponseEntity<JsonNode> problem : List.of(unknown, noCheckpoint, shrinking, malformed)) {
            assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(problem.getHeaders().getContentType()))
                    .isTrue();
        }
    }

    @Test
    void theWholeLogAndOneRecordAreVerifiedAgainstTheCheckpointAnAuditorHolds() {
        Scenario scenario = new Scenario(board()).organisationTree();
        JsonNode latest = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/checkpoints/latest"), response -> response.getStatusCode().value() == 200).getBody();

        ResponseEntity<JsonNode> byAuditor = get("/api/v1/verification?treeSize={size}&rootHash={root}",
                                                 latest.get("treeSize").asLong(), latest.get("rootHash").asText());
        ResponseEntity<JsonNode> half = get("/api/v1/verification?treeSize=3");

        assertThat(byAuditor.getStatusCode().value()).isEqualTo(200);
        assertThat(byAuditor.getBody().get("eventsChecked").asLong()).isGreaterThanOrEqualTo(
                latest.get("treeSize").asLong());
        // other tests of this application rewrite stored events on purpose: each such damage is named and placed
        byAuditor.getBody().get("damages").forEach(damage -> {
            assertThat(damage.get("kind").asText()).isNotBlank();
            assertThat(damage.get("detail").asText()).isNotBlank();
        });
        assertThat(byAuditor.getBody().get("intact").asBoolean()).isEqualTo(byAuditor.getBody().get("damages")
                                                                                     .isEmpty());
        ResponseEntity<JsonNode> branch = get("/api/v1/verification/records/{id}?treeSize={size}&rootHash={root}",
                                              scenario.branch, latest.get("treeSize").asLong(),
                                              latest.get("rootHash").asText());
        assertThat(branch.getStatusCode().value()).isEqualTo(200);
        assertThat(branch.getBody().get("intact").asBoolean()).as(branch.getBody().toString()).isTrue();
        assertThat(branch.getBody().get("eventsChecked").asLong()).isPositive();
        assertThat(half.getStatusCode().value()).isEqualTo(400);
        assertThat(half.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rootHash");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(MerkleHash.bytes(hash.asText())));
        return hashes;
    }
}

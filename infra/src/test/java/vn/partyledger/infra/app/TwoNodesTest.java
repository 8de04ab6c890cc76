package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.infra.axon.ProcessingNodes;
import vn.partyledger.infra.kafka.KafkaEndpoint;
import vn.partyledger.infra.mongo.MongoEndpoint;
import vn.partyledger.query.roster.BranchRosterProjection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one store and one broker (ADR 0053): each takes its fair share of every processor's
 * segments, commands sent to either are projected once for readers of both, a roster followed live on one node shows
 * a change the other node projected, and when one node stops the other takes over its segments and goes on
 * projecting.
 */
class TwoNodesTest {

    private static final String ROSTER = BranchRosterProjection.PROCESSING_GROUP;
    /** One person register, so one master key on both nodes: a key of the test's, as an operator would give it. */
    private static final String MASTER_KEY = "--partyledger.privacy.master-key="
            + Base64.getEncoder().encodeToString("two-nodes-test-key-32-bytes-long".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    @Test
    void twoNodesShareTheSegmentsAndTheirChangesAndWhenOneStopsTheOtherTakesThemAndGoesOnProjecting() throws Exception {
        ConfigurableApplicationContext first = StandaloneApplication.start(dir.resolve("first"),
                "--partyledger.mongodb.embedded.backend=memory", MASTER_KEY);
        ConfigurableApplicationContext second = null;
        try {
            MongoDatabase database = first.getBean(MongoDatabase.class);
            second = StandaloneApplication.start(dir.resolve("second"), MASTER_KEY,
                    "--partyledger.mongodb.uri=" + first.getBean(MongoEndpoint.class).connectionString(),
                    "--partyledger.kafka.bootstrap-servers=" + first.getBean(KafkaEndpoint.class).bootstrapServers());
            String firstNode = first.getBean(ProcessingNodes.class).nodeId();
            String secondNode = second.getBean(ProcessingNodes.class).nodeId();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(segmentsByOwner(database, ROSTER)).as("the roster's four segments, two a node")
                            .isEqualTo(Map.of(firstNode, 2, secondNode, 2)));

            Scenario viaFirst = new Scenario(StandaloneApplication.board(first)).organisationTree();
            Scenario viaSecond = new Scenario(StandaloneApplication.board(second), viaFirst.ward, viaFirst.branch);
            List<String> admitted = List.of("m-first-" + viaFirst.suffix, "m-second-" + viaFirst.suffix,
                    "m-first-again-" + viaFirst.suffix, "m-second-again-" + viaFirst.suffix);
            viaFirst.admittedMember(admitted.get(0));
            viaSecond.admittedMember(admitted.get(1));
            viaFirst.admittedMember(admitted.get(2));
            viaSecond.admittedMember(admitted.get(3));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(viaFirst.onTheRoster(viaFirst.branch)).containsAll(admitted).doesNotHaveDuplicates();
                assertThat(viaSecond.onTheRoster(viaFirst.branch)).containsAll(admitted).doesNotHaveDuplicates();
            });

            String followedHere = memberProjectedOn(database, secondNode, viaFirst.suffix);
            try (EventStream live = EventStream.follow("http://localhost:" + first.getEnvironment()
                    .getProperty("local.server.port") + "/api/v1/organisations/" + viaFirst.branch + "/roster/live",
                    "board", "board-local-only", "roster")) {
                live.next();
                viaSecond.admittedMember(followedHere);
                JsonNode roster = live.next();
                while (!onRoster(roster, followedHere)) {
                    roster = live.next();
                }
            }

            second.close();
            second = null;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(segmentsByOwner(database, ROSTER)).as("every segment, on the node left")
                            .isEqualTo(Map.of(firstNode, 4)));
            String afterwards = "m-after-" + viaFirst.suffix;
            viaFirst.admittedMember(afterwards);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(viaFirst.onTheRoster(viaFirst.branch)).contains(afterwards));
        } finally {
            if (second != null) {
                second.close();
            }
            first.close();
        }
    }

    /**
     * A node that dies without a word (its heartbeat is written, then never again) first takes a share: the node
     * left releases half the segments. Once its heartbeat has aged past the time a node is presumed gone, the node
     * left takes them all back, and what was decided meanwhile is projected.
     */
    @Test
    void aNodeThatDiesWithoutAWordIsPresumedGoneAndItsShareIsTakenBack() {
        ConfigurableApplicationContext node = StandaloneApplication.start(dir.resolve("node"),
                "--partyledger.mongodb.embedded.backend=memory", MASTER_KEY);
        try {
            MongoDatabase database = node.getBean(MongoDatabase.class);
            String alive = node.getBean(ProcessingNodes.class).nodeId();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(segmentsByOwner(database, ROSTER)).isEqualTo(Map.of(alive, 4)));

            database.getCollection("processing_nodes").insertOne(new Document("_id", "died-without-a-word")
                    .append("seenAt", new Date()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(segmentsByOwner(database, ROSTER)).as("half released for the node that said hello")
                            .isEqualTo(Map.of(alive, 2)));
            Scenario scenario = new Scenario(StandaloneApplication.board(node)).organisationTree();
            String meanwhile = "m-meanwhile-" + scenario.suffix;
            scenario.admittedMember(meanwhile);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(segmentsByOwner(database, ROSTER)).as("taken back once it is presumed gone")
                            .isEqualTo(Map.of(alive, 4)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(scenario.onTheRoster(scenario.branch)).contains(meanwhile));
        } finally {
            node.close();
        }
    }

    /**
     * A member id whose events the roster's segments on {@code node} project (Axon's default sequencing: by aggregate
     * id, its hash masked by the four segments), so a live roster followed on the other node hears of that member only
     * through the stored progress of the segments elsewhere.
     */
    private static String memberProjectedOn(MongoDatabase database, String node, String suffix) {
        List<Integer> segments = new ArrayList<>();
        database.getCollection("trackingtokens").find(Filters.and(Filters.eq("processorName", ROSTER),
                Filters.eq("owner", node))).forEach(token -> segments.add(token.getInteger("segment")));
        for (int n = 0; ; n++) {
            String memberId = "m-live-" + n + "-" + suffix;
            if (segments.contains(memberId.hashCode() & 3)) {
                return memberId;
            }
        }
    }

    private static boolean onRoster(JsonNode roster, String memberId) {
        for (JsonNode entry : roster.get("members")) {
            if (entry.get("memberId").asText().equals(memberId)) {
                return true;
            }
        }
        return false;
    }

    /** How many of the processor's segments each node has claimed, from the token store as any client reads it. */
    private static Map<String, Integer> segmentsByOwner(MongoDatabase database, String processor) {
        Map<String, Integer> owners = new TreeMap<>();
        for (Document token : database.getCollection("trackingtokens").find(Filters.eq("processorName", processor))) {
            String owner = token.getString("owner");
            if (owner != null) {
                owners.merge(owner, 1, Integer::sum);
            }
        }
        return owners;
    }
}

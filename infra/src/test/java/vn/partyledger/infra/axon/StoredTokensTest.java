package vn.partyledger.infra.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.infra.mongo.EmbeddedMongoServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes share the token store, each holding one segment of a processor: the stored tokens of both are read, and
 * reading claims nothing, so the nodes keep their segments.
 */
class StoredTokensTest {

    private static final String PROCESSOR = "branch-roster";

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoTemplate template;
    private final Serializer serializer = JacksonSerializer.defaultSerializer();

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.startInMemory(0);
        client = MongoClients.create(server.connectionString());
        template = DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("tokens")).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MongoTokenStore node(String nodeId) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).nodeId(nodeId).build();
    }

    @Test
    void everySegmentsStoredPositionIsReadWhicheverNodeHoldsItAndNoneIsClaimedByReading() {
        MongoTokenStore nodeA = node("node-a");
        MongoTokenStore nodeB = node("node-b");
        nodeA.initializeTokenSegments(PROCESSOR, 3);
        nodeA.fetchToken(PROCESSOR, 0);
        nodeA.storeToken(new GlobalSequenceTrackingToken(10), PROCESSOR, 0);
        nodeB.fetchToken(PROCESSOR, 1);
        nodeB.storeToken(new GlobalSequenceTrackingToken(5), PROCESSOR, 1);

        Map<Integer, Long> positions = new StoredTokens(template, serializer).positions(PROCESSOR);

        assertThat(positions).containsExactlyInAnyOrderEntriesOf(Map.of(0, 10L, 1, 5L, 2, -1L));
        // both nodes still hold their segments: the read claimed neither
        nodeA.storeToken(new GlobalSequenceTrackingToken(11), PROCESSOR, 0);
        nodeB.storeToken(new GlobalSequenceTrackingToken(6), PROCESSOR, 1);
        assertThat(new StoredTokens(template, serializer).positions(PROCESSOR)).containsEntry(1, 6L);
    }
}

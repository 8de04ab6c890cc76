package vn.partyledger.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import vn.partyledger.infra.axon.ProcessingNodes;

/**
 * A processor of the harness's own, run on every node like the read models (pooled, its segments shared through the
 * token store): it writes down each event it is given and the node that handled it, so that the harness can count
 * what was handled twice and what never. Plain inserts, never idempotent: a redelivery shows as a second line.
 */
@ProcessingGroup(HandledEvents.PROCESSING_GROUP)
public class HandledEvents {

    public static final String PROCESSING_GROUP = "bench-handled";
    public static final String COLLECTION = "bench_handled";

    private final MongoCollection<Document> handled;
    private final String node;

    public HandledEvents(MongoDatabase database, ProcessingNodes nodes) {
        this.handled = database.getCollection(COLLECTION);
        this.node = nodes.nodeId();
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        handled.insertOne(new Document("eventId", event.getIdentifier()).append("node", node));
    }
}

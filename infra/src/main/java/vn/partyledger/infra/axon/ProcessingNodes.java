package vn.partyledger.infra.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application nodes sharing this store, each known by a heartbeat in {@value #NODES}: every node writes its own
 * every {@link #HEARTBEAT}, and a node whose heartbeat is older than {@link #PRESUMED_GONE} is taken for gone. Its id
 * is also the owner the token store writes on the segments it claims, so the two name the same node.
 */
public class ProcessingNodes implements AutoCloseable {

    static final String NODES = "processing_nodes";
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** Longer than a few missed heartbeats, and as long as the token store's claim timeout (10 s): a node taken for
     * gone has also lost its claims by then, so the others can take its segments as they raise their share. */
    static final Duration PRESUMED_GONE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ProcessingNodes.class);

    private final MongoCollection<Document> nodes;
    private final Clock clock;
    private final String nodeId;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processing-node-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public ProcessingNodes(MongoDatabase database, Clock clock) {
        this.nodes = database.getCollection(NODES);
        this.clock = clock;
        // the process name (pid@host), as Axon names a token's owner, and a suffix for two applications in one JVM
        this.nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        beat();
        heartbeat.scheduleWithFixedDelay(this::beatLogged, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    /** How many nodes are alive, this one always among them. */
    public int alive() {
        Date since = Date.from(clock.instant().minus(PRESUMED_GONE));
        long others = nodes.countDocuments(Filters.and(Filters.gte("seenAt", since), Filters.ne("_id", nodeId)));
        return 1 + (int) others;
    }

    private void beat() {
        nodes.replaceOne(Filters.eq("_id", nodeId), new Document("_id", nodeId).append("seenAt",
                Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    private void beatLogged() {
        try {
            beat();
        } catch (RuntimeException e) {
            // the next beat tries again; missing a few only makes the others take this node for gone a little early
            log.warn("Heartbeat of processing node {} not written: {}", nodeId, e.toString());
        }
    }

    /** A node stopping says so, so the others take its segments without waiting for its heartbeat to age. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            nodes.deleteOne(Filters.eq("_id", nodeId));
        } catch (RuntimeException e) {
            log.warn("Processing node {} not removed on stopping; it ages out: {}", nodeId, e.toString());
        }
    }
}

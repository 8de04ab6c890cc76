package vn.partyledger.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Duration;
import java.util.Map;

/** The application's streaming processors, and how far each has read. */
public final class Processors {

    /** How a log position carries its commit (LogPosition): commit × 1,000,000 + the event's index in it. */
    private static final long EVENTS_PER_COMMIT = 1_000_000;

    /** The checkpoint recorder's record of how far its tree reaches (LogTree, ADR 0043). */
    private static final String MERKLE_TREE = "merkle_tree";

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine log;
    private final MongoDatabase database;
    private final Duration patience;

    public Processors(ConfigurableApplicationContext app, Duration patience) {
        this.processing = app.getBean(EventProcessingConfiguration.class);
        this.log = app.getBean(MongoEventStorageEngine.class);
        this.database = app.getBean(MongoDatabase.class);
        this.patience = patience;
    }

    /**
     * Until the checkpoint recorder's tree holds every event the log holds now: after a large import it works on in
     * the background, writing a leaf per event, and a measurement of the settled application waits for it.
     */
    public void awaitCheckpointTree() throws InterruptedException {
        long events = log.storedEvents();
        long deadline = System.nanoTime() + patience.toNanos();
        while (treeSize() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the checkpoint tree did not reach " + events + " events within "
                        + patience + ": " + treeSize());
            }
            Thread.sleep(200);
        }
    }

    private long treeSize() {
        Document tree = database.getCollection(MERKLE_TREE).find(Filters.eq("_id", "log")).first();
        return tree == null ? 0 : ((Number) tree.get("size")).longValue();
    }

    public StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    public void awaitAll() throws InterruptedException {
        awaitAllBut(null);
    }

    /** Until every streaming processor but {@code skipped} has read up to the log's head as it is now. */
    public void awaitAllBut(String skipped) throws InterruptedException {
        long head = log.createHeadToken().position().orElseThrow();
        long deadline = System.nanoTime() + patience.toNanos();
        while (!allReached(head, skipped)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processors did not reach " + head + " within " + patience
                        + ": " + positions(skipped));
            }
            Thread.sleep(50);
        }
    }

    /** Whether every streaming processor but {@code skipped} (null: none) has read the commit of {@code position}. */
    public boolean allReached(long position, String skipped) {
        return processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor)
                .filter(processor -> !processor.getName().equals(skipped))
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> reached(processor, position));
    }

    /** Each processor's segments and their positions, for a report of what lags. */
    private String positions(String skipped) {
        StringBuilder positions = new StringBuilder();
        processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor)
                .filter(processor -> !processor.getName().equals(skipped))
                .forEach(processor -> positions.append(processor.getName()).append('=')
                        .append(((StreamingEventProcessor) processor).processingStatus()).append(' '));
        return positions.toString();
    }

    /**
     * Whether every segment has read the position's commit: a position is the commit times a million plus the event's
     * index in it, and the head token stands after any index of its commit (LogPosition), so commits are compared.
     */
    private static boolean reached(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream()
                .allMatch(segment -> segment.getCurrentPosition().orElse(-1) / EVENTS_PER_COMMIT
                        >= position / EVENTS_PER_COMMIT);
    }
}

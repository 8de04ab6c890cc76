package vn.partyledger.infra.rebuild;

import com.mongodb.client.MongoDatabase;

import java.util.function.Function;

/**
 * A projection an administrator may rebuild: its processing group, by which it is named, and how to make a second
 * instance of it writing to the database it is given. The second instance tells no live subscriber: nothing of a
 * rebuild is shown before it is switched to.
 */
public record RebuildableProjection(String name, Function<MongoDatabase, Object> instance) {

    /**
     * The events a rebuild's processor handles per batch, whose writes go in one bulk write per collection (ADR 0038):
     * ten times the serving processors' batches. On the embedded store, rebuilding 200,000 events went from 10,839 to
     * 13,163 events/s for the roster and from 15,546 to 32,685 for party age (ReplayBenchmark, one segment), as the
     * writes of a member's several events in a batch go once and each batch's fixed costs are shared by more events.
     */
    public static final int BATCH_SIZE = 1000;
}

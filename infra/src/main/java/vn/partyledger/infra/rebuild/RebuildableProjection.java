package vn.partyledger.infra.rebuild;

import com.mongodb.client.MongoDatabase;

import java.util.function.Function;

/**
 * A projection an administrator may rebuild: its processing group, by which it is named, and how to make a second
 * instance of it writing to the database it is given. The second instance tells no live subscriber: nothing of a
 * rebuild is shown before it is switched to.
 */
public record RebuildableProjection(String name, Function<MongoDatabase, Object> instance) {
}

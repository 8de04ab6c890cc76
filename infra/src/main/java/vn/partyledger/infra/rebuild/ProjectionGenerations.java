package vn.partyledger.infra.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Which generation of its collections each projection answers from: generation 0 keeps the names the projection gives
 * its collections, generation n adds {@code _gn}. The active generation is kept durably in
 * {@value #COLLECTION} (read once at start, so a restart answers from the generation a rebuild switched to) and in
 * memory, where switching over is one atomic write that every later call of the projection's collections sees.
 */
public class ProjectionGenerations {

    static final String COLLECTION = "projection_generations";
    private static final String GENERATION = "generation";

    private final MongoDatabase database;
    private final MongoCollection<Document> stored;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> collections = new ConcurrentHashMap<>();

    public ProjectionGenerations(MongoDatabase database) {
        this.database = database;
        this.stored = database.getCollection(COLLECTION);
        stored.find().forEach(projection -> active.put(projection.getString("_id"),
                new AtomicInteger(projection.getInteger(GENERATION))));
    }

    /** The database as the projection's serving instance sees it: always the projection's active generation. */
    public MongoDatabase serving(String projection) {
        return GenerationView.of(database, activeOf(projection)::get, collectionsOf(projection));
    }

    /** The database as an instance filling one generation sees it, whichever generation is active. */
    MongoDatabase filling(String projection, int generation) {
        return GenerationView.of(database, () -> generation, collectionsOf(projection));
    }

    int active(String projection) {
        return activeOf(projection).get();
    }

    /** Makes the generation the one the projection answers from: on disk first, so a restart finds it too. */
    void activate(String projection, int generation) {
        stored.replaceOne(Filters.eq("_id", projection), new Document("_id", projection)
                        .append(GENERATION, generation).append("activatedAt", Instant.now().toString()),
                new ReplaceOptions().upsert(true));
        activeOf(projection).set(generation);
    }

    /**
     * Drops every generation of the projection's collections but the active one: what a switch-over left behind and
     * what a failed or interrupted rebuild filled.
     */
    void dropAllButActive(String projection) {
        Set<String> keep = new HashSet<>();
        collectionsOf(projection).forEach(name -> keep.add(GenerationView.name(name, active(projection))));
        for (String existing : database.listCollectionNames()) {
            if (!keep.contains(existing) && collectionsOf(projection).stream()
                    .anyMatch(name -> existing.equals(name) || existing.matches(Pattern.quote(name) + "_g\\d+"))) {
                database.getCollection(existing).drop();
            }
        }
    }

    private AtomicInteger activeOf(String projection) {
        return active.computeIfAbsent(projection, none -> new AtomicInteger());
    }

    private Set<String> collectionsOf(String projection) {
        return collections.computeIfAbsent(projection, none -> ConcurrentHashMap.newKeySet());
    }
}

package vn.partyledger.infra.person;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The persons' data keys as sealed facts in the log need them (ADR 0023): the same key that encrypts the person's
 * register entry, so destroying it erases both. A key is unwrapped once and kept briefly, so a replay opening many
 * facts of one person reads the register once; {@link PersonRegisterStore#shred} forgets it at once, and another
 * process forgets it within {@link #CACHED_FOR}. An entry marked with an erasure on its way is checked against the
 * log, which decides (the key of a person the log erased is never used, even before it is destroyed).
 */
public class PersonDataKeys {

    static final Duration CACHED_FOR = Duration.ofMinutes(1);
    private static final int CACHED_PERSONS = 10_000;

    private record CachedKey(byte[] key, Instant until) {
    }

    private final MongoCollection<Document> register;
    private final KeyWrapper keys;
    private final Supplier<PersonEntryVersions> log;
    private final Clock clock;
    /** Persons whose key this process destroyed (erasure is for good, and rare). */
    private final Set<String> destroyed = new HashSet<>();
    private final Map<String, CachedKey> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedKey> eldest) {
            return size() > CACHED_PERSONS;
        }
    };

    /** {@code log} is resolved on first use: the log's own serializer needs these keys before the log exists. */
    public PersonDataKeys(MongoDatabase database, KeyWrapper keys, Supplier<PersonEntryVersions> log, Clock clock) {
        this.register = database.getCollection(PersonRegisterStore.COLLECTION);
        this.keys = keys;
        this.log = log;
        this.clock = clock;
    }

    /** The key that opens the person's sealed facts; empty once the person is erased. */
    public Optional<byte[]> toOpen(String personId) {
        byte[] cached = cached(personId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return usableKey(personId, entry(personId));
    }

    /**
     * The key that seals a new fact about the person. A person the register holds no entry for (known to the log
     * alone, as a record brought from another system) is given a key now; an erased person is refused.
     */
    public byte[] toSeal(String personId) {
        byte[] cached = cached(personId);
        if (cached != null) {
            return cached;
        }
        Document entry = entry(personId);
        if (entry == null) {
            register.updateOne(Filters.eq("_id", personId),
                    Updates.combine(Updates.setOnInsert("dataKey", new Binary(keys.wrap(Aead.newKey()))),
                            Updates.setOnInsert("versions", List.of())),
                    new UpdateOptions().upsert(true));
            entry = entry(personId);
        }
        return usableKey(personId, entry).orElseThrow(() -> PersonRegisterRefusal.erased(personId));
    }

    /**
     * The key is being destroyed: this process never uses it again, even if a read that found it before the
     * destruction finishes after it.
     */
    public void forget(String personId) {
        synchronized (cache) {
            cache.remove(personId);
            destroyed.add(personId);
        }
    }

    private Optional<byte[]> usableKey(String personId, Document entry) {
        Binary wrapped = entry == null ? null : entry.get("dataKey", Binary.class);
        if (wrapped == null) {
            return Optional.empty();
        }
        if (entry.get(PersonRegisterStore.ERASURE_PENDING) != null && log.get().of(personId).erased()) {
            return Optional.empty();
        }
        byte[] key = keys.unwrap(wrapped.getData());
        synchronized (cache) {
            if (destroyed.contains(personId)) {
                return Optional.empty();
            }
            cache.put(personId, new CachedKey(key, clock.instant().plus(CACHED_FOR)));
        }
        return Optional.of(key);
    }

    private byte[] cached(String personId) {
        synchronized (cache) {
            CachedKey cached = cache.get(personId);
            if (cached == null || !clock.instant().isBefore(cached.until())) {
                cache.remove(personId);
                return null;
            }
            return cached.key();
        }
    }

    private Document entry(String personId) {
        return register.find(Filters.eq("_id", personId))
                .projection(Projections.include("dataKey", PersonRegisterStore.ERASURE_PENDING)).first();
    }
}

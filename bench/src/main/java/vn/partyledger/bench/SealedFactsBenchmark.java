package vn.partyledger.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.infra.person.MasterKeyWrapper;
import vn.partyledger.infra.person.PersonDataKeys;
import vn.partyledger.infra.person.PersonEntryVersions;
import vn.partyledger.infra.person.SealedFacts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What sealing sensitive facts (ADR 0023) costs, at province scale: one {@code ExemptionGranted} per person, its
 * reason sealed with that person's key, against the same event with the reason in plain. Phases: the persons' data
 * keys stored (as registering them does); each event serialized (sealed: the key read from the register once per
 * person, then AES-GCM); the events deserialized without opening (what a projection that does not read the fact,
 * e.g. the roster rebuild, pays); the events deserialized and opened with no key in memory (a rule or an export
 * reading one person's facts), then the first 10,000 again, once to bring their keys into memory (the cache holds
 * 10,000 persons for a minute) and once with the keys in memory. Keys live in the embedded server's {@code h2}
 * (MVStore file, as the application) or {@code memory} backend.
 * <p>
 * Settings: {@code bench.persons} (default 200000), {@code bench.backends} (default {@code h2}).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.SealedFactsBenchmark}
 */
public final class SealedFactsBenchmark {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);

    private SealedFactsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        int persons = BenchSupport.intSetting("bench.persons", 200_000);
        for (String backend : BenchSupport.listSetting("bench.backends", "h2")) {
            try (BenchSupport.EmbeddedStore store = BenchSupport.startStore(backend);
                 MongoClient client = MongoClients.create(store.server().connectionString())) {
                System.out.printf("%s backend, %,d persons, one sealed fact each%n", store.label(), persons);
                System.out.printf("%-50s %12s %10s%n", "phase", "per second", "µs each");
                run(client.getDatabase(BenchSupport.DATABASE), persons);
            }
        }
        System.exit(0);
    }

    private static void run(MongoDatabase database, int persons) {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        MasterKeyWrapper wrapper = new MasterKeyWrapper(master);
        EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PersonDataKeys keys = keys(database, wrapper, log);
        JsonMapper json = JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

        measure("data keys stored (registration)", persons, person -> keys.toSeal(personId(person)));

        JacksonSerializer sealing = serializer(json, keys(database, wrapper, log));
        List<SerializedObject<String>> plain = new ArrayList<>(persons);
        List<SerializedObject<String>> sealed = new ArrayList<>(persons);
        measure("serialized, reason in plain (before)", persons, person -> plain.add(sealing.serialize(
                exemption(person, Sensitive.recordedBeforeSealing(ExemptionReason.LONG_ILLNESS)), String.class)));
        measure("serialized, reason sealed, keys read", persons, person -> sealed.add(sealing.serialize(
                exemption(person, Sensitive.of(personId(person), ExemptionReason.LONG_ILLNESS)), String.class)));

        JacksonSerializer reading = serializer(json, keys(database, wrapper, log));
        measure("deserialized, plain (before)", persons, person -> reading.deserialize(plain.get(person)));
        measure("deserialized, sealed, not opened", persons, person -> reading.deserialize(sealed.get(person)));
        measure("deserialized and opened, keys read", persons,
                person -> opened(reading.deserialize(sealed.get(person))));
        int inMemory = Math.min(persons, 10_000);
        measure("opened again, the first 10,000 (keys read)", inMemory,
                person -> opened(reading.deserialize(sealed.get(person))));
        measure("opened again, the first 10,000 (keys in memory)", inMemory,
                person -> opened(reading.deserialize(sealed.get(person))));
        System.out.printf("stored event: %d bytes plain, %d bytes sealed%n",
                plain.get(0).getData().length(), sealed.get(0).getData().length());
    }

    private static PersonDataKeys keys(MongoDatabase database, MasterKeyWrapper wrapper, EmbeddedEventStore log) {
        return new PersonDataKeys(database, wrapper, () -> new PersonEntryVersions(log), Clock.systemUTC());
    }

    private static JacksonSerializer serializer(JsonMapper json, PersonDataKeys keys) {
        return JacksonSerializer.builder().objectMapper(json.copy().registerModule(new SealedFacts(keys))).build();
    }

    private static String personId(int person) {
        return "person-" + person;
    }

    private static ExemptionGranted exemption(int person, Sensitive<ExemptionReason> reason) {
        return new ExemptionGranted("member-" + person, ExemptionKind.TEMPORARY, reason, FROM, FROM.plusMonths(6),
                "ward", null);
    }

    private static ExemptionReason opened(Object event) {
        return ((ExemptionGranted) event).reason().value();
    }

    private static void measure(String phase, int count, IntFunction<?> step) {
        long started = System.nanoTime();
        for (int person = 0; person < count; person++) {
            step.apply(person);
        }
        double seconds = BenchSupport.seconds(System.nanoTime() - started);
        System.out.printf("%-50s %,12.0f %10.1f%n", phase, count / seconds, seconds * 1e6 / count);
    }
}

package vn.partyledger.infra.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import vn.partyledger.infra.eventstore.EventStoreTimeouts;

/**
 * Everything under {@code partyledger.*} that picks the storage and messaging servers.
 *
 * <p>An empty {@code mongodb.uri} or {@code kafka.bootstrap-servers} means "start the embedded server"; setting it
 * (env {@code MONGODB_URI}, {@code KAFKA_BOOTSTRAP_SERVERS}) switches the embedded one off and nothing else changes.
 * The embedded servers keep all their files under {@link #dataDir()}.
 *
 * @param dataDir  root of every file the service writes (env {@code PARTYLEDGER_DATA_DIR})
 * @param mongodb  MongoDB connection or embedded MongoDB-wire server
 * @param kafka    Kafka connection or embedded KRaft broker
 * @param eventStore time limits of the event store's append and sealing protocol
 */
@ConfigurationProperties(prefix = "partyledger")
public record PartyLedgerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Mongodb mongodb,
        @DefaultValue Kafka kafka,
        @DefaultValue EventStore eventStore) {

    /**
     * @param appendTimeLimit a writer that has not stored its commit this long after taking its position gives it up
     * @param sealAfter       a reader seals a position that has stayed empty this long; at least twice the limit
     */
    public record EventStore(
            @DefaultValue("10s") Duration appendTimeLimit,
            @DefaultValue("30s") Duration sealAfter) {

        /** Validated together: an inconsistent pair stops the application at start-up. */
        public EventStoreTimeouts timeouts() {
            return new EventStoreTimeouts(appendTimeLimit, sealAfter);
        }
    }

    /**
     * @param uri      MongoDB connection string; used exactly as given (production: a replica set with
     *                 {@code w=majority}, e.g. {@code mongodb://h1,h2,h3/?replicaSet=rs0&w=majority}); empty = embedded
     * @param database database for the event store, token/saga stores and read models
     * @param embedded the embedded server, used only when {@code uri} is empty
     */
    public record Mongodb(
            String uri,
            @DefaultValue("partyledger") String database,
            @DefaultValue MongoEmbedded embedded) {

        public boolean external() {
            return uri != null && !uri.isBlank();
        }
    }

    /**
     * @param port    TCP port on 127.0.0.1; 0 picks a free one
     * @param backend {@code h2} (a file at {@code <data-dir>/mongo/partyledger.mv}) or {@code memory} (tests)
     * @param cacheMb MVStore page cache; its 16 MB default halves replay speed once the store outgrows it
     *                (measured with bench/ReplayBenchmark, ADR 0002)
     */
    public record MongoEmbedded(
            @DefaultValue("27017") int port,
            @DefaultValue("h2") MongoBackendKind backend,
            @DefaultValue("256") int cacheMb) {
    }

    public enum MongoBackendKind { H2, MEMORY }

    /**
     * @param bootstrapServers Kafka bootstrap servers; empty = start the embedded broker
     * @param embedded         the embedded broker, used only when {@code bootstrapServers} is empty
     */
    public record Kafka(
            String bootstrapServers,
            @DefaultValue KafkaEmbedded embedded) {

        public boolean external() {
            return bootstrapServers != null && !bootstrapServers.isBlank();
        }
    }

    /**
     * @param port           client (PLAINTEXT) listener on 127.0.0.1; 0 picks a free one
     * @param controllerPort KRaft controller listener on 127.0.0.1; 0 picks a free one
     */
    public record KafkaEmbedded(
            @DefaultValue("9092") int port,
            @DefaultValue("9093") int controllerPort) {
    }

    /**
     * Binds {@code partyledger.*} from {@code environment} the same way the bean is bound; for conditions, which run
     * before any bean exists.
     */
    public static PartyLedgerProperties bind(Environment environment) {
        return Binder.get(environment).bindOrCreate("partyledger", PartyLedgerProperties.class);
    }

    /** {@code <data-dir>/mongo/partyledger.mv}: the H2 MVStore file of the embedded MongoDB-wire server. */
    public Path mongoStoreFile() {
        return dataDir.resolve("mongo").resolve("partyledger.mv");
    }

    /** {@code <data-dir>/kafka}: log (and KRaft metadata) directory of the embedded broker. */
    public Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }
}

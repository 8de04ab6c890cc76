package vn.partyledger.bench;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.partyledger.infra.PartyLedgerApplication;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.mongo.EmbeddedMongoServer;
import vn.partyledger.infra.onboarding.FileImport;
import vn.partyledger.infra.onboarding.ImportFormat;
import vn.partyledger.infra.onboarding.ImportReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the benchmark harnesses share: their settings, quiet logging, the embedded server started as the application
 * starts it, and the event storage engine built through its public builder only (its internals are being rewritten).
 */
public final class BenchSupport {

    static final String DATABASE = "party_ledger_bench";

    private BenchSupport() {
    }

    /**
     * A system property, else the environment variable of the same name in upper case with dots as underscores
     * ({@code bench.sizes} → {@code BENCH_SIZES}): exec:exec forks a JVM that does not see Maven's -D options.
     */
    public static String setting(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** A comma-separated setting, e.g. {@code BENCH_BACKENDS=h2,memory}. */
    static List<String> listSetting(String property, String defaultValue) {
        return Arrays.stream(setting(property, defaultValue).split(",")).map(String::trim).toList();
    }

    public static int intSetting(String property, int defaultValue) {
        return Integer.parseInt(setting(property, Integer.toString(defaultValue)));
    }

    /** Warnings only: the figures are the output. The in-memory token store warns on every use that it is in memory. */
    public static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
        Logger inMemoryTokenStore = LoggerFactory.getLogger(InMemoryTokenStore.class);
        if (inMemoryTokenStore instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.ERROR);
        }
    }

    /** Jackson with java.time as ISO strings, as the application serializes its events. */
    public static Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder()
                        .findAndAddModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build())
                .build();
    }

    static MongoEventStorageEngine engine(MongoDatabase database, Serializer serializer, int batchSize) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .build();
    }

    /**
     * Starts a fresh embedded server: {@code h2} is the application's default (an MVStore file, here in a temporary
     * directory, with the page cache of {@code BENCH_H2CACHEMB}, default 256 MB as the application), {@code memory}
     * the backend of the tests.
     */
    static EmbeddedStore startStore(String backend) throws IOException {
        Path directory = Files.createTempDirectory("party-ledger-bench");
        try {
            return switch (backend) {
                case "h2" -> new EmbeddedStore("h2-file", EmbeddedMongoServer.startWithStore(
                        directory.resolve("bench.mv"), 0, intSetting("bench.h2CacheMb", 256)), directory);
                case "memory" -> new EmbeddedStore("memory", EmbeddedMongoServer.startInMemory(0), directory);
                default -> throw new IllegalArgumentException("Unknown backend " + backend);
            };
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    public static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * The CPU time of this process so far, all its threads (the embedded server's included): on cores shared with
     * other work, what a pass costs is read from it, not from its wall-clock rate alone.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    /**
     * Starts the whole application in this JVM with its embedded servers on free ports, a data directory of its own
     * and one board user acting for {@code organisation}; {@code more} settings are added. The settings are
     * command-line arguments, so they win over application.yml (builder properties would be mere defaults).
     */
    public static ConfigurableApplicationContext startApplication(Path dataDir, String user, String password,
                                                           String organisation, Map<String, String> more) {
        return startApplication(dataDir, user, password, organisation, more, new Class<?>[0]);
    }

    /** The same, with components of the harness's own (such as an event handler that counts) beside the application's. */
    public static ConfigurableApplicationContext startApplication(Path dataDir, String user, String password,
                                                           String organisation, Map<String, String> more,
                                                           Class<?>... harnessComponents) {
        Map<String, String> settings = new LinkedHashMap<>(Map.ofEntries(
                Map.entry("partyledger.data-dir", dataDir.toString()),
                Map.entry("partyledger.mongodb.embedded.port", "0"),
                Map.entry("partyledger.kafka.embedded.port", "0"),
                Map.entry("partyledger.kafka.embedded.controller-port", "0"),
                Map.entry("partyledger.security.users[0].username", user),
                Map.entry("partyledger.security.users[0].password", password),
                Map.entry("partyledger.security.users[0].role", "ORGANISATION_BOARD"),
                Map.entry("partyledger.security.users[0].organisation", organisation),
                Map.entry("logging.level.root", "WARN")));
        settings.putAll(more);
        return new SpringApplicationBuilder(PartyLedgerApplication.class).sources(harnessComponents)
                .run(settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
    }

    /**
     * Imports a province file through the application's own import, as the command line does, acting as the board
     * user of {@link #startApplication}.
     */
    public static ImportReport importFile(ConfigurableApplicationContext app, String file) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(ImportBenchmark.USER, null, List.of()));
        try {
            return app.getBean(FileImport.class).run(ImportFormat.JSON_LINES, file, progress -> { });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A running embedded server and the temporary directory that holds its store; closing removes both. */
    record EmbeddedStore(String label, EmbeddedMongoServer server, Path directory) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            deleteRecursively(directory);
        }
    }
}

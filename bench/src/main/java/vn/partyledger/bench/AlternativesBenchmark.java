package vn.partyledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.h2.jdbcx.JdbcConnectionPool;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static vn.partyledger.bench.BenchSupport.intSetting;
import static vn.partyledger.bench.BenchSupport.listSetting;
import static vn.partyledger.bench.BenchSupport.setting;

/**
 * Our event storage engine side by side with what a user would otherwise pick, in one run on the same machine and the
 * same data (issue 14 item 3): Axon's own Mongo engine (axon-mongo) on the same embedded store, Axon's JDBC engine on
 * an embedded H2 database file (in PostgreSQL mode, with Axon's PostgreSQL schema), Axon's in-memory engine (the framework's ceiling), and the raw limit of the embedded
 * store — the same documents written with the bare driver's {@code insertMany} and read by key.
 * <p>
 * Each contender takes the same work: {@code BENCH_EVENTS} events (default 100,000) in member streams of
 * {@code BENCH_STREAM} events (default 10: an admission, then contact lost and restored in turn), appended one
 * command at a time — one append per event, as a command's unit of work does — by {@code BENCH_WRITERS} threads
 * (default 4) that each own their streams; then {@code BENCH_READS} (default 1,000) streams read by key, as a command
 * loading its aggregate does; then the whole log read in order, as a projection's rebuild does. Each figure is
 * printed with its ratio to our engine's on the same backend. A contender that has not finished within
 * {@code BENCH_LIMIT_SECONDS} (default 600) is stopped there, and the line says how far it got and at what rate.
 * Contenders: {@code BENCH_CONTENDERS} (default {@code ours,axon-mongo,axon-jdbc-h2,axon-in-memory,raw-driver});
 * backend of the embedded store: {@code BENCH_BACKEND} ({@code h2}, the application's default, or {@code memory}).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.AlternativesBenchmark}
 */
public final class AlternativesBenchmark {

    /** One contender's three operations on the shared work. */
    private interface Contender extends AutoCloseable {

        void append(DomainEventMessage<?> event);

        /** Reads one aggregate's stream by key; returns how many events it holds. */
        int readStream(String aggregateId);

        /** Reads the whole log in order until {@code deadline}; returns how many events it read. */
        long readAll(long deadline);
    }

    /** Where a phase got to: what it did of what it had to do, in how long, and how long one step took. */
    record Phase(long done, long total, long nanos, long[] stepNanos) {

        double rate() {
            return done / (nanos / 1e9);
        }

        boolean finished() {
            return done == total;
        }

        long percentileMicros(double p) {
            if (stepNanos.length == 0) {
                return 0;
            }
            long[] sorted = stepNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000;
        }
    }

    record Result(String contender, Phase append, Phase keyedRead, Phase readAll) {
    }

    private final int events;
    private final int streamLength;
    private final int writers;
    private final int reads;
    private final long limitNanos;
    private final Serializer serializer = BenchSupport.serializer();

    private AlternativesBenchmark(int events, int streamLength, int writers, int reads, int limitSeconds) {
        this.events = events;
        this.streamLength = streamLength;
        this.writers = writers;
        this.reads = reads;
        this.limitNanos = limitSeconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        AlternativesBenchmark benchmark = new AlternativesBenchmark(intSetting("bench.events", 100_000),
                intSetting("bench.stream", 10), intSetting("bench.writers", 4), intSetting("bench.reads", 1_000),
                intSetting("bench.limit.seconds", 600));
        String backend = setting("bench.backend", "h2");
        List<String> contenders = listSetting("bench.contenders",
                "ours,axon-mongo,axon-jdbc-h2,axon-in-memory,raw-driver");
        System.out.printf(Locale.ROOT, "%,d events in streams of %d, %d writers, %,d keyed reads, embedded store %s,"
                        + " %d cores, load %.1f%n", benchmark.events, benchmark.streamLength, benchmark.writers,
                benchmark.reads, backend, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Result> results = new ArrayList<>();
        for (String name : contenders) {
            results.add(benchmark.measure(name, backend));
            print(results.get(results.size() - 1), results.get(0));
        }
    }

    Result measure(String name, String backend) throws Exception {
        Path directory = Files.createTempDirectory("alternatives-" + name);
        try (Contender contender = open(name, backend, directory)) {
            long deadline = System.nanoTime() + limitNanos;
            Phase append = appendAll(contender, deadline);
            int streams = (int) (append.done() / streamLength);
            Phase keyedRead = readStreams(contender, streams, deadline);
            long start = System.nanoTime();
            long read = contender.readAll(deadline);
            Phase readAll = new Phase(read, append.done(), System.nanoTime() - start, new long[0]);
            return new Result(name, append, keyedRead, readAll);
        } finally {
            BenchSupport.deleteRecursively(directory);
        }
    }

    /** Each writer owns every {@code writers}-th stream and appends them a step at a time, all streams in turn. */
    private Phase appendAll(Contender contender, long deadline) throws Exception {
        int streams = events / streamLength;
        AtomicLong appended = new AtomicLong();
        long[][] latencies = new long[writers][];
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    int[] own = IntStream.range(0, streams).filter(s -> s % writers == writer).toArray();
                    long[] mine = new long[own.length * streamLength];
                    int n = 0;
                    for (int sequence = 0; sequence < streamLength && System.nanoTime() < deadline; sequence++) {
                        for (int member : own) {
                            DomainEventMessage<?> event = sequence == 0
                                    ? LedgerEvents.memberAdmitted(member, 1_000, member)
                                    : LedgerEvents.contactChange(member, sequence, 1_000, member);
                            long before = System.nanoTime();
                            contender.append(event);
                            mine[n++] = System.nanoTime() - before;
                            appended.incrementAndGet();
                        }
                    }
                    latencies[writer] = Arrays.copyOf(mine, n);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long nanos = System.nanoTime() - start;
        return new Phase(appended.get(), (long) streams * streamLength, nanos,
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray());
    }

    /** Whole streams only: a stream cut by the deadline is not read, so every read finds the same length. */
    private Phase readStreams(Contender contender, int streams, long deadline) {
        Random random = new Random(42);
        int count = Math.min(reads, Math.max(streams, 0));
        long[] latencies = new long[count];
        int done = 0;
        long start = System.nanoTime();
        while (done < count && System.nanoTime() < deadline) {
            String memberId = LedgerEvents.memberId(random.nextInt(streams));
            long before = System.nanoTime();
            int length = contender.readStream(memberId);
            latencies[done++] = System.nanoTime() - before;
            if (length != streamLength) {
                throw new IllegalStateException(memberId + " holds " + length + " events, not " + streamLength);
            }
        }
        return new Phase(done, count, System.nanoTime() - start, Arrays.copyOf(latencies, done));
    }

    private Contender open(String name, String backend, Path directory) throws Exception {
        return switch (name) {
            case "ours" -> onTheEmbeddedStore(backend, (client, store) ->
                    new EngineContender(BenchSupport.engine(client.getDatabase(BenchSupport.DATABASE), serializer,
                            100), store));
            case "axon-mongo" -> onTheEmbeddedStore(backend, (client, store) -> {
                org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine engine =
                        org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine.builder()
                                .mongoTemplate(DefaultMongoTemplate.builder()
                                        .mongoDatabase(client, BenchSupport.DATABASE).build())
                                .eventSerializer(serializer).snapshotSerializer(serializer).build();
                engine.ensureIndexes();
                return new EngineContender(engine, store);
            });
            case "axon-jdbc-h2" -> {
                JdbcConnectionPool pool = JdbcConnectionPool.create(
                        "jdbc:h2:file:" + directory.resolve("events") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
                pool.setMaxConnections(writers + 2);
                JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                        .connectionProvider(new DataSourceConnectionProvider(pool))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
                engine.createSchema(PostgresEventTableFactory.INSTANCE);
                yield new EngineContender(engine, pool::dispose);
            }
            case "axon-in-memory" -> new EngineContender(new InMemoryEventStorageEngine(), () -> {
            });
            case "raw-driver" -> onTheEmbeddedStore(backend, (client, store) ->
                    new RawDriverContender(client.getDatabase(BenchSupport.DATABASE).getCollection("events"),
                            serializer, streamLength, store));
            default -> throw new IllegalArgumentException("Unknown contender " + name);
        };
    }

    @FunctionalInterface
    private interface OnStore {
        Contender open(MongoClient client, AutoCloseable store) throws Exception;
    }

    /** A fresh embedded server of the backend and a client on it, closed with the contender. */
    private static Contender onTheEmbeddedStore(String backend, OnStore onStore) throws Exception {
        BenchSupport.EmbeddedStore store = BenchSupport.startStore(backend);
        MongoClient client = MongoClients.create(store.server().connectionString());
        return onStore.open(client, () -> {
            client.close();
            store.close();
        });
    }

    /** Any Axon storage engine, ours included, through the engine interface the event store calls. */
    private record EngineContender(EventStorageEngine engine, AutoCloseable resources) implements Contender {

        @Override
        public void append(DomainEventMessage<?> event) {
            engine.appendEvents(event);
        }

        @Override
        public int readStream(String aggregateId) {
            return (int) engine.readEvents(aggregateId).asStream().count();
        }

        @Override
        public long readAll(long deadline) {
            return engine.readEvents(null, false).takeWhile(event -> System.nanoTime() < deadline).count();
        }

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    /**
     * The raw limit of the embedded store: the document an engine would write for the event (ids, type, serialized
     * payload and metadata, timestamp), inserted with the bare driver, read back by key, and read in insertion order —
     * no concurrency check, no global position, no hash chain.
     */
    private record RawDriverContender(MongoCollection<Document> events, Serializer serializer, int streamLength,
                                      AutoCloseable resources) implements Contender {

        @Override
        public void append(DomainEventMessage<?> event) {
            SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
            SerializedObject<String> metaData = serializer.serialize(event.getMetaData(), String.class);
            events.insertMany(List.of(new Document("_id", event.getAggregateIdentifier() + ":"
                    + event.getSequenceNumber())
                    .append("aggregateIdentifier", event.getAggregateIdentifier())
                    .append("sequenceNumber", event.getSequenceNumber())
                    .append("type", event.getType())
                    .append("eventIdentifier", event.getIdentifier())
                    .append("timeStamp", event.getTimestamp().toString())
                    .append("payloadType", payload.getType().getName())
                    .append("payload", payload.getData())
                    .append("metaData", metaData.getData())));
        }

        @Override
        public int readStream(String aggregateId) {
            List<String> ids = new ArrayList<>();
            for (int sequence = 0; sequence < streamLength; sequence++) {
                ids.add(aggregateId + ":" + sequence);
            }
            return events.find(Filters.in("_id", ids)).into(new ArrayList<>()).size();
        }

        @Override
        public long readAll(long deadline) {
            long read = 0;
            for (Document ignored : events.find().batchSize(1_000)) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                read++;
            }
            return read;
        }

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    private static void print(Result result, Result ours) {
        System.out.printf(Locale.ROOT, "%-15s append %s | keyed read %s | read all %s%n", result.contender(),
                figures(result.append(), ours.append(), true), figures(result.keyedRead(), ours.keyedRead(), true),
                figures(result.readAll(), ours.readAll(), false));
    }

    private static String figures(Phase phase, Phase ours, boolean latencies) {
        String rate = String.format(Locale.ROOT, "%,.0f/s (x%.2f of ours)", phase.rate(), phase.rate() / ours.rate());
        String steps = latencies ? String.format(Locale.ROOT, " p50 %,d us p99 %,d us", phase.percentileMicros(0.5),
                phase.percentileMicros(0.99)) : "";
        String stopped = phase.finished() ? "" : String.format(Locale.ROOT, " STOPPED at %,d of %,d", phase.done(),
                phase.total());
        return rate + steps + stopped;
    }
}

package vn.partyledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.bench.province.ProvinceReport;
import vn.partyledger.infra.axon.ProcessingNodes;
import vn.partyledger.infra.axon.StoredTokens;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.kafka.KafkaEndpoint;
import vn.partyledger.infra.mongo.MongoEndpoint;
import vn.partyledger.infra.onboarding.ImportReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two application nodes on one store and one broker (issue 14 item 4, ADR 0053). The first node is started in this JVM
 * with the embedded MongoDB-wire server (H2 file) and Kafka broker, and imports a province of {@code BENCH_MEMBERS}
 * members (10,000) in branches of 100; the second is another JVM ({@link SecondNode}) reaching the first's store and
 * broker by configuration alone, as a node of a real deployment would. Once every processor's segments are shared
 * between them, {@code BENCH_WRITERSPERNODE} clients (2) per node send {@code BENCH_COMMANDS} commands in all (4,000),
 * members losing and regaining contact, each client its own members. Reported: commands/s and p50/p99 latency per node;
 * projection lag, from a command's answer until the stored token of every segment of every processor, on whichever
 * node holds it, has passed its commit; the segments each node holds; and what was projected or published twice or
 * never: a counting processor of the harness's own ({@link HandledEvents}, pooled on four segments like the read
 * models) writes down every event each node handled, and the member topic is read back and every event of the run
 * looked for by its {@code ce_id}. Settings also {@code BENCH_BACKEND} ({@code h2}), {@code BENCH_LAGSAMPLEEVERY} (10),
 * {@code BENCH_NAME}. The report goes to {@code bench/results/<name>/} as Markdown and JSON.
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec -Dbench.main=vn.partyledger.bench.TwoNodesBenchmark}
 */
public final class TwoNodesBenchmark {

    private static final long EVENTS_PER_COMMIT = 1_000_000;
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** One person register on both nodes, so one master key: the harness's own, never for real records. */
    private static final String MASTER_KEY = Base64.getEncoder()
            .encodeToString("two-nodes-benchmark-key-32-bytes".getBytes(StandardCharsets.US_ASCII));
    private static final ObjectMapper JSON = new ObjectMapper();

    private TwoNodesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        int members = BenchSupport.intSetting("bench.members", 10_000);
        int membersPerBranch = 100;
        int commands = BenchSupport.intSetting("bench.commands", 4_000);
        int writersPerNode = BenchSupport.intSetting("bench.writersPerNode", 2);
        int lagEvery = BenchSupport.intSetting("bench.lagSampleEvery", 10);
        String backend = BenchSupport.setting("bench.backend", "h2");
        String name = BenchSupport.setting("bench.name", LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + "-two-nodes-" + members);
        Path results = Path.of(BenchSupport.setting("bench.resultsDir", "results")).resolve(name);
        int perWriter = 2 * Math.max(1, commands / (4 * writersPerNode));

        ProvinceReport report = new ProvinceReport("Two nodes on one store and one broker, "
                + String.format("%,d", members) + " members");
        Map<String, Object> settings = report.settings();
        settings.put("members", members);
        settings.put("membersPerBranch", membersPerBranch);
        settings.put("commands", perWriter * 2 * writersPerNode);
        settings.put("writersPerNode", writersPerNode);
        settings.put("backend", backend);
        settings.put("lagSampleEvery", lagEvery);
        Path firstData = Files.createTempDirectory("party-ledger-first-node");
        Path secondData = Files.createTempDirectory("party-ledger-second-node");
        try (ConfigurableApplicationContext first = BenchSupport.startApplication(firstData, ImportBenchmark.USER,
                "{noop}" + ImportBenchmark.PASSWORD, ImportBenchmark.PROVINCE, withCommon(Map.of("server.port", "0",
                        "partyledger.mongodb.embedded.backend", backend)), HandledEvents.class)) {
            Map<String, Object> load = report.scenario("Load, on the first node alone",
                    "The province through the first node's import, then until every processor has read the log.");
            long started = System.nanoTime();
            ImportReport imported = BenchSupport.importFile(first, ImportBenchmark.province(members, membersPerBranch));
            new Processors(first, PATIENCE).awaitAll();
            load.put("outcome", imported.outcome().toString());
            load.put("membersImported", imported.members().imported());
            load.put("secondsUntilEveryProcessorCaughtUp", seconds(started));

            MongoDatabase database = first.getBean(MongoDatabase.class);
            Cluster cluster = new Cluster(first);
            Map<String, Object> sharing = report.scenario("Segments shared",
                    "From the second node's start (a JVM of its own) until it listens, and until every processor "
                            + "with two segments or more has some on each node; then which node holds how many of "
                            + "each processor's segments.");
            long starting = System.nanoTime();
            try (SecondNode second = SecondNode.start(secondData,
                    first.getBean(MongoEndpoint.class).connectionString(),
                    first.getBean(KafkaEndpoint.class).bootstrapServers())) {
                sharing.put("secondsUntilTheSecondNodeListens", seconds(starting));
                cluster.awaitSharedByTwo(PATIENCE);
                sharing.put("secondsUntilShared", seconds(starting));
                cluster.segmentsByNode().forEach((processor, held) -> sharing.put(processor, held.toString()));

                Map<String, Object> writes = report.scenario("Writes to both nodes",
                        writersPerNode + " clients a node, one command after another each, on members of their own; "
                                + "lag: for every " + lagEvery + "th command, from its answer until every segment "
                                + "of every processor, on either node, has stored a token past its commit.");
                long fromHead = cluster.head();
                RunOfCommands run = new RunOfCommands(cluster, lagEvery);
                run.send(List.of(port(first), second.port()), writersPerNode, perWriter, members, membersPerBranch);
                writes.putAll(run.figures());
                long caughtUp = System.nanoTime();
                cluster.awaitEverySegmentAt(cluster.head(), PATIENCE);
                writes.put("secondsFromLastAnswerUntilEverySegmentCaughtUp", seconds(caughtUp));

                Map<String, Object> once = report.scenario("Projected and published once",
                        "Every event of the log handled by the counting processor on one node or the other: how many "
                                + "each node handled, how many twice, how many never; every event of the run looked "
                                + "for on the member topic by its ce_id.");
                once.putAll(handled(database, first.getBean(MongoEventStorageEngine.class).storedEvents()));
                once.putAll(published(first, run.eventIds()));
                once.put("eventsAfterTheLoad", cluster.head() / EVENTS_PER_COMMIT - fromHead / EVENTS_PER_COMMIT);
                cluster.segmentsByNode().forEach((processor, held) -> once.put("segments " + processor,
                        held.toString()));
            }
        } finally {
            report.write(results);
            BenchSupport.deleteRecursively(firstData);
            BenchSupport.deleteRecursively(secondData);
        }
        System.out.println("report written to " + results.toAbsolutePath().normalize());
        System.exit(0);
    }

    /** The settings both nodes share: the master key and the counting processor, pooled on four segments. */
    private static Map<String, String> withCommon(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("partyledger.privacy.master-key", MASTER_KEY);
        all.put("axon.eventhandling.processors." + HandledEvents.PROCESSING_GROUP + ".mode", "pooled");
        all.put("axon.eventhandling.processors." + HandledEvents.PROCESSING_GROUP + ".initial-segment-count", "4");
        all.put("axon.eventhandling.processors." + HandledEvents.PROCESSING_GROUP + ".batch-size", "100");
        return all;
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static double seconds(long sinceNanos) {
        return ProvinceReport.round((System.nanoTime() - sinceNanos) / 1e9);
    }

    /** Each node's count of handled events, and the events handled twice or never, from the counting processor. */
    private static Map<String, Object> handled(MongoDatabase database, long eventsInLog) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsInLog", eventsInLog);
        for (Document node : database.getCollection(HandledEvents.COLLECTION).aggregate(List.of(
                Aggregates.group("$node", Accumulators.sum("events", 1))))) {
            figures.put("handledBy " + node.getString("_id"), node.get("events"));
        }
        long distinct = 0;
        long twice = 0;
        for (Document event : database.getCollection(HandledEvents.COLLECTION).aggregate(List.of(
                Aggregates.group("$eventId", Accumulators.sum("times", 1))))) {
            distinct++;
            if (event.getInteger("times") > 1) {
                twice++;
            }
        }
        figures.put("eventsHandledTwiceOrMore", twice);
        figures.put("eventsNeverHandled", eventsInLog - distinct);
        return figures;
    }

    /** The run's events on the member topic, as a consumer reads them: how many not there, how many more than once. */
    private static Map<String, Object> published(ConfigurableApplicationContext app, Set<String> eventIds) {
        String topic = app.getBean(IntegrationProperties.class).memberEventsTopic();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.getBean(KafkaEndpoint.class).bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> message : consumer.poll(Duration.ofSeconds(1))) {
                    Header ceId = message.headers().lastHeader("ce_id");
                    if (ceId != null) {
                        seen.merge(new String(ceId.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsOfTheRun", eventIds.size());
        figures.put("eventsOfTheRunNotPublished", eventIds.stream().filter(id -> !seen.containsKey(id)).count());
        figures.put("eventsOfTheRunPublishedTwiceOrMore", eventIds.stream()
                .filter(id -> seen.getOrDefault(id, 0) > 1).count());
        return figures;
    }

    /** The processors of both nodes as the token store shows them, read through the first node's connection. */
    private static final class Cluster {

        private static final String UNCLAIMED = "unclaimed";

        private final List<String> processors;
        private final StoredTokens tokens;
        private final MongoDatabase database;
        private final MongoEventStorageEngine log;

        Cluster(ConfigurableApplicationContext first) {
            this.processors = first.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(processor -> processor.getName()).sorted()
                    .toList();
            this.tokens = first.getBean(StoredTokens.class);
            this.database = first.getBean(MongoDatabase.class);
            this.log = first.getBean(MongoEventStorageEngine.class);
        }

        long head() {
            return log.createHeadToken().position().orElse(-1);
        }

        /** Whether every segment of every processor has stored a token past the commit of {@code position}. */
        boolean everySegmentAt(long position) {
            return processors.stream().allMatch(processor -> {
                Map<Integer, Long> stored = tokens.positions(processor);
                return !stored.isEmpty() && stored.values().stream()
                        .allMatch(at -> at / EVENTS_PER_COMMIT >= position / EVENTS_PER_COMMIT);
            });
        }

        void awaitEverySegmentAt(long position, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!everySegmentAt(position)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the segments did not reach " + position + " within " + patience);
                }
                Thread.sleep(20);
            }
        }

        /** Until each processor of two segments or more has segments claimed by two nodes, and none unclaimed. */
        void awaitSharedByTwo(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!segmentsByNode().values().stream().filter(held -> held.values().stream()
                    .mapToInt(Integer::intValue).sum() >= 2).allMatch(held -> held.size() == 2
                    && !held.containsKey(UNCLAIMED))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the segments were not shared within " + patience + ": "
                            + segmentsByNode());
                }
                Thread.sleep(200);
            }
        }

        /** For each processor, how many of its segments each node has claimed (unclaimed ones left out). */
        Map<String, Map<String, Integer>> segmentsByNode() {
            Map<String, Map<String, Integer>> byProcessor = new TreeMap<>();
            for (String processor : processors) {
                Map<String, Integer> held = new TreeMap<>();
                for (Document token : database.getCollection("trackingtokens")
                        .find(Filters.eq("processorName", processor))) {
                    String owner = token.getString("owner");
                    held.merge(owner == null ? UNCLAIMED : owner, 1, Integer::sum);
                }
                byProcessor.put(processor, held);
            }
            return byProcessor;
        }
    }

    /** The clients sending commands to both nodes, and what they measured. */
    private static final class RunOfCommands {

        private final Cluster cluster;
        private final int lagEvery;
        private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
        private final Map<Integer, List<Long>> latencies = new ConcurrentHashMap<>();
        private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService lagProbes = Executors.newFixedThreadPool(2);
        private double seconds;

        RunOfCommands(Cluster cluster, int lagEvery) {
            this.cluster = cluster;
            this.lagEvery = lagEvery;
        }

        Set<String> eventIds() {
            return eventIds;
        }

        void send(List<Integer> ports, int writersPerNode, int perWriter, int members, int membersPerBranch)
                throws Exception {
            ExecutorService writers = Executors.newFixedThreadPool(ports.size() * writersPerNode);
            List<Future<?>> running = new ArrayList<>();
            // members counted down from the last, each writer its own run of them (a seventh is skipped)
            int span = perWriter / 2 * 7 / 6 + 8;
            long started = System.nanoTime();
            for (int node = 0; node < ports.size(); node++) {
                BenchClient client = new BenchClient(ports.get(node));
                latencies.put(node, Collections.synchronizedList(new ArrayList<>()));
                for (int writer = 0; writer < writersPerNode; writer++) {
                    int top = members - (node * writersPerNode + writer) * span;
                    int onNode = node;
                    running.add(writers.submit(() -> write(onNode, new ContactChanges(client, top, membersPerBranch),
                            perWriter)));
                }
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            seconds = (System.nanoTime() - started) / 1e9;
            writers.shutdown();
            lagProbes.shutdown();
            lagProbes.awaitTermination(PATIENCE.toMinutes(), TimeUnit.MINUTES);
        }

        private Void write(int node, ContactChanges changes, int commands) throws Exception {
            for (int i = 0; i < commands; i++) {
                long start = System.nanoTime();
                ContactChanges.Sent sent = changes.send();
                long answered = System.nanoTime();
                latencies.get(node).add(answered - start);
                statuses.merge(sent.status(), 1, Integer::sum);
                if (sent.status() == 200) {
                    JsonNode outcome = JSON.readTree(sent.answer());
                    outcome.get("eventIds").forEach(id -> eventIds.add(id.asText()));
                    if (i % lagEvery == 0) {
                        long position = outcome.get("position").asLong();
                        lagProbes.submit(() -> probe(position, answered));
                    }
                }
            }
            return null;
        }

        private Void probe(long position, long answeredNanos) throws InterruptedException {
            long deadline = answeredNanos + PATIENCE.toNanos();
            while (!cluster.everySegmentAt(position)) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                Thread.sleep(5);
            }
            lags.add(System.nanoTime() - answeredNanos);
            return null;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            int total = latencies.values().stream().mapToInt(List::size).sum();
            figures.put("commandsSent", total);
            figures.put("seconds", ProvinceReport.round(seconds));
            figures.put("commandsPerSecond", ProvinceReport.round(total / seconds));
            latencies.forEach((node, nanos) -> {
                List<Long> sorted = new ArrayList<>(nanos);
                sorted.sort(null);
                String which = node == 0 ? "firstNode" : "secondNode";
                figures.put(which + "Commands", sorted.size());
                figures.put(which + "CommandsPerSecond", ProvinceReport.round(sorted.size() / seconds));
                figures.put(which + "P50Ms", ProvinceReport.round(Percentiles.millis(sorted, 0.50)));
                figures.put(which + "P99Ms", ProvinceReport.round(Percentiles.millis(sorted, 0.99)));
            });
            figures.put("statuses", new TreeMap<>(statuses).toString());
            List<Long> sortedLags = new ArrayList<>(lags);
            sortedLags.sort(null);
            figures.put("lagSamples", sortedLags.size());
            figures.put("lagP50Ms", ProvinceReport.round(Percentiles.millis(sortedLags, 0.50)));
            figures.put("lagP99Ms", ProvinceReport.round(Percentiles.millis(sortedLags, 0.99)));
            return figures;
        }
    }

    /**
     * The second node: another JVM on this machine's classpath, reaching the first node's store and broker by
     * configuration alone. It prints its HTTP port, and stops when its standard input closes.
     */
    public static final class SecondNode implements AutoCloseable {

        private static final String PORT_LINE = "second node listening on ";

        private final Process process;
        private final int port;

        private SecondNode(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static SecondNode start(Path dataDir, String mongoUri, String bootstrapServers) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(), "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m",
                    "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                    SecondNode.class.getName(), dataDir.toString(), mongoUri, bootstrapServers));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(PORT_LINE)) {
                    Thread drain = new Thread(() -> output.lines().forEach(rest -> { }), "second-node-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new SecondNode(process, Integer.parseInt(line.substring(PORT_LINE.length()).trim()));
                }
                System.out.println("second node: " + line);
            }
            throw new IllegalStateException("the second node stopped before it listened: exit "
                    + process.exitValue());
        }

        int port() {
            return port;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try (OutputStream input = process.getOutputStream()) {
                input.flush();
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }

        public static void main(String[] args) throws IOException {
            BenchSupport.quietLogging();
            Path dataDir = Path.of(args[0]);
            try (ConfigurableApplicationContext node = BenchSupport.startApplication(dataDir, ImportBenchmark.USER,
                    "{noop}" + ImportBenchmark.PASSWORD, ImportBenchmark.PROVINCE, withCommon(Map.of(
                            "server.port", "0", "partyledger.mongodb.uri", args[1],
                            "partyledger.kafka.bootstrap-servers", args[2])), HandledEvents.class)) {
                System.out.println("node id " + node.getBean(ProcessingNodes.class).nodeId());
                System.out.println(PORT_LINE + TwoNodesBenchmark.port(node));
                System.out.flush();
                while (System.in.read() >= 0) {
                    // runs until the first node closes its end
                }
            }
            System.exit(0);
        }
    }
}

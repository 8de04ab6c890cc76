package vn.partyledger.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.IntegrationPublisher;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast decisions reach provincial systems over Kafka (issue 12 item 6, ADR 0044): the whole application is started
 * in this JVM (backend {@code BENCH_BACKEND}, default {@code h2}, the application's; its embedded Kafka broker), a
 * province of {@code BENCH_MEMBERS} (2,000) is imported in branches of 100, and, once every processor has caught up:
 * <ol>
 *   <li><b>Backlog.</b> The integration publisher is stopped, {@code BENCH_BACKLOG} events (100,000) that all have a
 *   message are appended straight to the log (new members admitted into the province's branches, each then losing and
 *   regaining contact, in appends of 100), every other processor is let catch up, and the publisher is started again;
 *   a plain Kafka consumer of both topics counts the messages until it has one per event. Printed: messages per second
 *   from the publisher's start to the last message received.</li>
 *   <li><b>Latency.</b> {@code BENCH_COMMANDS} (200) commands, lost and restored contact of the imported members, sent
 *   over HTTP one after another; each is timed from just before it is sent until the consumer holds its message (the
 *   member's key, the command's CloudEvents type). Printed: p50 and p99 in milliseconds.</li>
 * </ol>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.IntegrationPublishBenchmark}
 */
public final class IntegrationPublishBenchmark {

    private static final int MEMBERS_PER_BRANCH = 100;
    private static final int EVENTS_PER_APPEND = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(BenchSupport.intSetting("bench.patienceMinutes", 30));

    private IntegrationPublishBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        int members = BenchSupport.intSetting("bench.members", 2_000);
        int backlog = BenchSupport.intSetting("bench.backlog", 100_000);
        int commands = BenchSupport.intSetting("bench.commands", 200);
        String backend = BenchSupport.setting("bench.backend", "h2");
        Path dataDir = Files.createTempDirectory("party-ledger-publish-bench");
        try (ConfigurableApplicationContext app = BenchSupport.startApplication(dataDir, ImportBenchmark.USER,
                "{noop}" + ImportBenchmark.PASSWORD, ImportBenchmark.PROVINCE, Map.of("server.port", "0",
                        "partyledger.mongodb.embedded.backend", backend))) {
            BenchSupport.importFile(app, ImportBenchmark.province(members, MEMBERS_PER_BRANCH));
            Processors processors = new Processors(app, PATIENCE);
            processors.awaitAll();
            System.out.printf("integration publishing, %s backend, embedded Kafka broker, %,d members imported, "
                            + "%d cores, load average %.2f, heap at most %,d MB%n", backend, members,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().maxMemory() >> 20);
            try (Messages messages = new Messages(app)) {
                publishBacklog(app, processors, messages, members, backlog);
                measureLatency(app, messages, members, commands);
            }
        } finally {
            BenchSupport.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private static void publishBacklog(ConfigurableApplicationContext app, Processors processors, Messages messages,
                                       int members, int backlog) throws InterruptedException {
        processors.processor(IntegrationPublisher.PROCESSING_GROUP).shutDown();
        MongoEventStorageEngine log = app.getBean(MongoEventStorageEngine.class);
        int branches = (members + MEMBERS_PER_BRANCH - 1) / MEMBERS_PER_BRANCH;
        long appendStart = System.nanoTime();
        List<DomainEventMessage<?>> append = new ArrayList<>(EVENTS_PER_APPEND);
        for (int n = 0; n < backlog; n++) {
            // blocks of 100 new members: admitted, then each loses contact, then regains it
            int block = n / (3 * EVENTS_PER_APPEND);
            int inBlock = n % (3 * EVENTS_PER_APPEND);
            int member = members + block * EVENTS_PER_APPEND + inBlock % EVENTS_PER_APPEND;
            long sequence = inBlock / EVENTS_PER_APPEND;
            append.add(sequence == 0 ? LedgerEvents.memberAdmitted(member, branches, n)
                                     : LedgerEvents.contactChange(member, sequence, branches, n));
            if (append.size() == EVENTS_PER_APPEND || n == backlog - 1) {
                log.appendEvents(append);
                append.clear();
            }
        }
        System.out.printf("backlog: %,d events appended in %.1f s; waiting for the other processors%n", backlog,
                BenchSupport.seconds(System.nanoTime() - appendStart));
        processors.awaitAllBut(IntegrationPublisher.PROCESSING_GROUP);
        long before = messages.received();
        long start = System.nanoTime();
        processors.processor(IntegrationPublisher.PROCESSING_GROUP).start();
        long deadline = start + PATIENCE.toNanos();
        while (messages.received() - before < backlog) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (messages.received() - before) + " of " + backlog
                        + " messages within " + PATIENCE);
            }
            Thread.sleep(20);
        }
        double seconds = (messages.lastReceivedAt() - start) / 1e9;
        System.out.printf("published %,d messages from a backlog of %,d events in %.1f s: %,.0f messages/s%n",
                messages.received() - before, backlog, seconds, (messages.received() - before) / seconds);
    }

    private static void measureLatency(ConfigurableApplicationContext app, Messages messages, int members,
                                       int commands) throws InterruptedException {
        ContactChanges changes = new ContactChanges(
                new BenchClient(((WebServerApplicationContext) app).getWebServer().getPort()), members,
                MEMBERS_PER_BRANCH);
        List<Long> nanos = new ArrayList<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        for (int i = 0; i < commands; i++) {
            long sentAt = System.nanoTime();
            ContactChanges.Sent sent = changes.send();
            statuses.merge(sent.status(), 1, Integer::sum);
            if (sent.status() != 200) {
                continue;
            }
            String type = sent.lost() ? "vn.partyledger.member.lost-contact.v1"
                                      : "vn.partyledger.member.contact-restored.v1";
            nanos.add(messages.awaitAfter(sent.memberId(), type, sentAt) - sentAt);
        }
        nanos.sort(null);
        System.out.printf("command to message received, %d commands (statuses %s): p50 %.1f ms, p99 %.1f ms%n",
                nanos.size(), statuses, Percentiles.millis(nanos, 0.50),
                Percentiles.millis(nanos, 0.99));
    }


    /** A plain consumer of both topics from their ends, counting messages and noting when each key and type came. */
    private static final class Messages implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong lastReceivedAt = new AtomicLong();
        private final Map<String, Long> latestByKeyAndType = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread polling;

        Messages(ConfigurableApplicationContext app) {
            IntegrationProperties properties = app.getBean(IntegrationProperties.class);
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.getBean(KafkaEndpoint.class).bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(properties.memberEventsTopic(), properties.organisationEventsTopic())) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            polling = new Thread(this::poll, "bench-consumer");
            polling.start();
        }

        private void poll() {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> message : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Header type = message.headers().lastHeader("ce_type");
                    latestByKeyAndType.put(message.key() + " " + new String(type.value(), StandardCharsets.UTF_8),
                            now);
                    lastReceivedAt.set(now);
                    received.incrementAndGet();
                }
            }
        }

        long received() {
            return received.get();
        }

        long lastReceivedAt() {
            return lastReceivedAt.get();
        }

        /** When the message of {@code key} and {@code type} sent after {@code after} was received. */
        long awaitAfter(String key, String type, long after) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                Long at = latestByKeyAndType.get(key + " " + type);
                if (at != null && at > after) {
                    return at;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no " + type + " for " + key + " within 60 s; received "
                            + received.get() + ", of that member: " + latestByKeyAndType.keySet().stream()
                            .filter(seen -> seen.startsWith(key + " ")).toList());
                }
                Thread.sleep(1);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            polling.join();
            consumer.close();
        }
    }
}

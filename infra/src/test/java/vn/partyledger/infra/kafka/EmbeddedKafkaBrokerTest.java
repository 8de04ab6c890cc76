package vn.partyledger.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test, two broker starts: the broker is the slow part (seconds), so the whole story is told in one go. */
class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "party.member-events";

    @TempDir
    Path dataDir;

    @Test
    void recordsProducedIdempotentlyAreStillReadableAfterTheBrokerRestartsOnTheSameLogDir() throws Exception {
        Path logDir = dataDir.resolve("kafka");
        String clusterId;

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0, 0)) {
            clusterId = broker.clusterId();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            }
            try (KafkaProducer<String, String> producer = idempotentProducer(broker.bootstrapServers())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "member-" + (i % 3), "event-" + i)).get();
                }
            }
            assertThat(readAll(broker.bootstrapServers())).hasSize(10);
        }
        assertThat(logDir.resolve("meta.properties")).isRegularFile();
        assertThat(logDir.resolve(TOPIC + "-0")).isDirectory();
        assertThat(logDir.resolve("format.properties")).doesNotExist();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0, 0)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            List<ConsumerRecord<String, String>> records = readAll(broker.bootstrapServers());
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("event-0", "event-1", "event-2", "event-3", "event-4",
                            "event-5", "event-6", "event-7", "event-8", "event-9");
            // Per-key order survives too: a member's events come back in the order they were sent.
            assertThat(records.stream().filter(r -> r.key().equals("member-0")).map(ConsumerRecord::value))
                    .containsExactly("event-0", "event-3", "event-6", "event-9");
            try (KafkaProducer<String, String> producer = idempotentProducer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "member-0", "event-10")).get();
            }
            assertThat(readAll(broker.bootstrapServers())).hasSize(11);
        }
    }

    private static KafkaProducer<String, String> idempotentProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Reads both partitions from the beginning to their end offsets (no consumer group involved). */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            Set<TopicPartition> partitions = Set.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}

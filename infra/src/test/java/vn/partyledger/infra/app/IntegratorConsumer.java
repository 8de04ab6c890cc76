package vn.partyledger.infra.app;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A plain Kafka consumer, as a provincial integrator runs one: its own group, from the start of the topics. */
final class IntegratorConsumer {

    private IntegratorConsumer() {
    }

    static KafkaConsumer<String, String> reading(String bootstrapServers, String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "integrator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** The first record of the topic that matches, read from its start within 30 seconds (or the wait fails). */
    static ConsumerRecord<String, String> firstOn(String bootstrapServers, String topic,
                                                  Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaConsumer<String, String> consumer = reading(bootstrapServers, topic)) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

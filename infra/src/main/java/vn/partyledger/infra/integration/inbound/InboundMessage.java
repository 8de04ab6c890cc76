package vn.partyledger.infra.integration.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One message as it came from the inbound topic: where it was, its key, its value as text and its headers (the
 * CloudEvents attributes in binary mode), so that a dead letter keeps all of it for a retry.
 */
public record InboundMessage(String topic, int partition, long offset, String key, String value,
                             Map<String, String> headers) {

    public InboundMessage {
        headers = Map.copyOf(headers);
    }

    /** Any record the consumer read: its key and value are text (StringDeserializer), or null. */
    static InboundMessage of(ConsumerRecord<?, ?> record) {
        return new InboundMessage(record.topic(), record.partition(), record.offset(), text(record.key()),
                text(record.value()), texts(record.headers()));
    }

    private static String text(Object keyOrValue) {
        return keyOrValue == null ? null : keyOrValue.toString();
    }

    /** The headers as text; a header repeated keeps its last value, as Kafka's {@code lastHeader} reads it. */
    static Map<String, String> texts(Headers headers) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Header header : headers) {
            texts.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(value -> !value.isBlank());
    }
}

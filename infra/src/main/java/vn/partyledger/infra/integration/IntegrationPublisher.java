package vn.partyledger.infra.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the integration event of every domain event that has one ({@link IntegrationEvents}), keyed by member or
 * organisation id (so each member's messages stay in order on one partition), with CloudEvents binary-mode headers;
 * {@code ce_id} is the domain event's id, which consumers deduplicate on. Each send is awaited, so the processor's
 * token only moves past an event once Kafka has acknowledged it; a failure propagates (AxonStorageConfiguration), the
 * processor releases its segment and retries the same event. Replays never republish.
 */
@Component
@ProcessingGroup(IntegrationPublisher.PROCESSING_GROUP)
public class IntegrationPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper objectMapper;
    private final IntegrationProperties properties;
    private final IntegrationEvents integrationEvents = new IntegrationEvents();

    public IntegrationPublisher(KafkaTemplate<String, String> kafka, ObjectMapper objectMapper,
                                IntegrationProperties properties) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    @DisallowReplay
    @EventHandler
    void on(Object payload, EventMessage<?> message) throws Exception {
        var integrationEvent = integrationEvents.of(payload, message.getMetaData());
        if (integrationEvent.isPresent()) {
            publish(integrationEvent.get(), message);
        }
    }

    private void publish(IntegrationEvent event, EventMessage<?> message)
            throws JsonProcessingException, InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic().name(properties), event.key(),
                objectMapper.writeValueAsString(event.data()));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", message.getIdentifier());
        header(record, "ce_type", event.type());
        header(record, "ce_source", properties.source());
        header(record, "ce_time", message.getTimestamp().toString());
        header(record, "ce_subject", event.key());
        header(record, "content-type", "application/json");
        kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

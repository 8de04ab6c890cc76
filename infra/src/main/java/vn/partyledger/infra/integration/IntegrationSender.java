package vn.partyledger.infra.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.integration.inbound.InboundProperties;
import vn.partyledger.query.batch.ProjectionBatch;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one integration event with CloudEvents binary-mode headers and waits until Kafka acknowledged it (or throws):
 * the same record whether published first or republished, so {@code ce_id} — the domain event's id — lets consumers
 * drop a copy. A message to another province names it in the extension {@code ce_destination} (ADR 0045).
 */
@Component
public class IntegrationSender {

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper objectMapper;
    private final IntegrationProperties properties;
    private final InboundProperties inbound;

    public IntegrationSender(KafkaTemplate<String, String> kafka, ObjectMapper objectMapper,
                             IntegrationProperties properties, InboundProperties inbound) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
        this.properties = properties;
        this.inbound = inbound;
    }

    /** Sends the message and returns once Kafka has acknowledged it. */
    void send(IntegrationEvent event, EventMessage<?> message)
            throws JsonProcessingException, InterruptedException, ExecutionException, TimeoutException {
        dispatch(event, message).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the message and returns at once; Kafka's acknowledgement is awaited before the current processor batch's
     * token is stored (ADR 0044), so a batch's messages are in flight together, in order on each partition (the
     * producer is idempotent), and none is passed unacknowledged.
     */
    void sendBeforeToken(IntegrationEvent event, EventMessage<?> message) throws JsonProcessingException {
        CompletableFuture<?> sent = dispatch(event, message);
        ProjectionBatch.beforeToken(() -> acknowledged(sent, message));
    }

    private void acknowledged(CompletableFuture<?> sent, EventMessage<?> message) {
        try {
            sent.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted awaiting Kafka's acknowledgement of " + message.getIdentifier(),
                    interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("Kafka did not acknowledge the message of " + message.getIdentifier(),
                    failed);
        }
    }

    private CompletableFuture<?> dispatch(IntegrationEvent event, EventMessage<?> message)
            throws JsonProcessingException {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic().name(properties, inbound),
                event.key(),
                objectMapper.writeValueAsString(event.data()));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", message.getIdentifier());
        header(record, "ce_type", event.type());
        header(record, "ce_source", properties.source());
        header(record, "ce_time", message.getTimestamp().toString());
        header(record, "ce_subject", event.key());
        if (event.destination() != null) {
            header(record, "ce_destination", event.destination());
        }
        header(record, "content-type", "application/json");
        return kafka.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

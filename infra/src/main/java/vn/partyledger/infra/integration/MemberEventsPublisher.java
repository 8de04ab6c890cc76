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
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.shared.MetadataKeys;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes integration events keyed by member id (so each member's events stay in order on one partition), with
 * CloudEvents binary-mode headers; {@code ce_id} is the domain event's id, which consumers deduplicate on. Each send is
 * awaited, so the processor's token only moves past an event once Kafka has acknowledged it; a failure stops the
 * processor, which retries. Replays never republish.
 */
@Component
@ProcessingGroup(MemberEventsPublisher.PROCESSING_GROUP)
public class MemberEventsPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper objectMapper;
    private final IntegrationProperties properties;

    public MemberEventsPublisher(KafkaTemplate<String, String> kafka, ObjectMapper objectMapper,
                                 IntegrationProperties properties) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    @DisallowReplay
    @EventHandler
    void on(MemberAdmitted event, EventMessage<?> message) throws Exception {
        publish(event.memberId(), MemberAdmittedV1.TYPE, message, new MemberAdmittedV1(event.memberId(),
                event.personId(), event.homeOrgId(), event.ceremonyDate(), event.probationEndDate(),
                event.admissionDecisionDate(), (String) message.getMetaData().get(MetadataKeys.RULE_SET)));
    }

    private void publish(String memberId, String type, EventMessage<?> message, Object integrationEvent)
            throws JsonProcessingException, InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> record = new ProducerRecord<>(properties.memberEventsTopic(), memberId,
                objectMapper.writeValueAsString(integrationEvent));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", message.getIdentifier());
        header(record, "ce_type", type);
        header(record, "ce_source", properties.source());
        header(record, "ce_time", message.getTimestamp().toString());
        header(record, "ce_subject", memberId);
        header(record, "content-type", "application/json");
        kafka.send(record).get(30, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

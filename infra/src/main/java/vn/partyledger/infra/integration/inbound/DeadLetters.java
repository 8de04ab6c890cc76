package vn.partyledger.infra.integration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.integration.IntegrationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * This province's dead-letter topic (ADR 0045): each message that could not be applied, unchanged (key, value,
 * CloudEvents headers), with the reason in {@code dlq_*} headers and where it was read. The topic is the record: it is
 * read from its beginning to list the dead letters (one partition, so in the order they came), and a retry takes the
 * latest one of a {@code ce_id}.
 */
@Component
public class DeadLetters {

    static final String PREFIX = "dlq_";
    static final String KIND = PREFIX + "reason_kind";
    static final String REASON = PREFIX + "reason";
    static final String RULE = PREFIX + "rule";
    static final String CODE = PREFIX + "code";
    static final String TOPIC = PREFIX + "topic";
    static final String PARTITION = PREFIX + "partition";
    static final String OFFSET = PREFIX + "offset";
    static final String TIME = PREFIX + "time";
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaTemplate<String, String> kafka;
    private final ConsumerFactory<String, String> consumers;
    private final InboundProperties inbound;
    private final IntegrationProperties integration;
    private final InboundProcessor processor;
    private final Clock clock;

    public DeadLetters(KafkaTemplate<String, String> kafka, ConsumerFactory<String, String> consumers,
                       InboundProperties inbound, IntegrationProperties integration, InboundProcessor processor,
                       Clock clock) {
        this.kafka = kafka;
        this.consumers = consumers;
        this.inbound = inbound;
        this.integration = integration;
        this.processor = processor;
        this.clock = clock;
    }

    /** Sends the message to the dead-letter topic and waits until Kafka acknowledged it (or throws). */
    void send(InboundMessage message, DeadLetter reason)
            throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> record = new ProducerRecord<>(inbound.deadLetterTopic(), message.key(),
                message.value());
        message.headers().forEach((name, value) -> {
            if (!name.startsWith(PREFIX)) {
                header(record, name, value);
            }
        });
        header(record, KIND, reason.kind().name());
        header(record, REASON, reason.getMessage());
        if (reason.rule() != null) {
            header(record, RULE, reason.rule());
            header(record, CODE, reason.code());
        }
        header(record, TOPIC, message.topic());
        header(record, PARTITION, Integer.toString(message.partition()));
        header(record, OFFSET, Long.toString(message.offset()));
        header(record, TIME, clock.instant().toString());
        kafka.send(record).get(integration.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every dead letter, oldest first, each saying whether its {@code ce_id} has been applied since. */
    public List<DeadLetterEntry> list() {
        List<DeadLetterEntry> entries = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "dead-letters", null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(inbound.deadLetterTopic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    entries.add(DeadLetterEntry.of(record, processor::applied));
                }
            }
        }
        return entries;
    }

    /** The latest dead letter of a {@code ce_id}, as the message first read, for a retry. */
    public Optional<InboundMessage> latest(String ceId) {
        List<DeadLetterEntry> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (ceId.equals(all.get(i).ceId())) {
                return Optional.of(all.get(i).message());
            }
        }
        return Optional.empty();
    }

    /**
     * One dead letter as listed: the message's CloudEvents attributes, the reason, where the message was read, and
     * whether its {@code ce_id} was applied since (retried, or delivered again once fixed). {@code message} is kept
     * for a retry and not listed.
     */
    public record DeadLetterEntry(
            @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") String ceId,
            @Schema(example = "vn.partyledger.member.transfer-letter-sent.v1") String ceType,
            @Schema(description = "the sending province", example = "urn:partyledger:province:hn") String ceSource,
            @Schema(description = "the message key", example = "hn-m-1024") String subject,
            @Schema(description = "MALFORMED, UNSUPPORTED_TYPE, SCHEMA_INVALID, RULE_BROKEN, CONFLICT or FAILED",
                    example = "RULE_BROKEN") String reasonKind,
            @Schema(example = "Transfer letter 12-GGT/ĐU from urn:partyledger:province:hn is addressed to kp9, which "
                    + "is not a branch of this province on 2026-11-02.") String reason,
            @Schema(description = "the refusing rule, for RULE_BROKEN",
                    example = "anIncomingLetterIsAddressedToABranchOfThisProvince") String rule,
            @Schema(description = "the refusing rule's code, for RULE_BROKEN", example = "INCOMING_TRANSFER")
            String code,
            @Schema(example = "2026-11-30T05:21:30.512Z") String deadLetteredAt,
            @Schema(description = "where the message was read", example = "partyledger.inbound.v1") String topic,
            @Schema(example = "3") int partition,
            @Schema(example = "118") long offset,
            @Schema(description = "whether its ce_id was applied since (retried, or delivered again once fixed)",
                    example = "false") boolean applied,
            @JsonIgnore InboundMessage message) {

        static DeadLetterEntry of(ConsumerRecord<String, String> record, Predicate<String> applied) {
            Map<String, String> headers = InboundMessage.texts(record.headers());
            Map<String, String> original = new LinkedHashMap<>(headers);
            original.keySet().removeIf(name -> name.startsWith(PREFIX));
            String topic = headers.get(TOPIC);
            int partition = Integer.parseInt(headers.getOrDefault(PARTITION, "-1"));
            long offset = Long.parseLong(headers.getOrDefault(OFFSET, "-1"));
            String ceId = headers.get("ce_id");
            return new DeadLetterEntry(ceId, headers.get("ce_type"), headers.get("ce_source"),
                    record.key(), headers.get(KIND), headers.get(REASON), headers.get(RULE), headers.get(CODE),
                    headers.getOrDefault(TIME, ""), topic, partition, offset, ceId != null && applied.test(ceId),
                    new InboundMessage(topic, partition, offset, record.key(), record.value(), original));
        }
    }
}

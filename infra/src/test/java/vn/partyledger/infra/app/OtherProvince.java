package vn.partyledger.infra.app;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Another province's system, as a plain producer on the exchange between provinces: messages of one type, with the
 * CloudEvents binary headers and {@code ce_destination} (ADR 0045). Messages sent with one key come in the order sent.
 */
final class OtherProvince implements AutoCloseable {

    /** What was sent: its ce_id and value. */
    record Sent(String ceId, String value) {
    }

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String source;
    private final String destination;
    private final String type;

    OtherProvince(String bootstrapServers, String topic, String source, String destination, String type) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.topic = topic;
        this.source = source;
        this.destination = destination;
        this.type = type;
    }

    /**
     * A {@code member.transfer-letter-sent.v1} value: a letter for {@code memberId}'s transfer {@code transferId} to
     * {@code toOrgId}, dated {@code letterDate}, with a full member's record.
     */
    static String letter(String memberId, String transferId, String toOrgId, LocalDate letterDate) {
        return """
                {"memberId": "%s", "transferId": "%s", "fromOrgId": "hn-kp7", "toOrgId": "%s",
                 "letterNo": "12-GGT/ĐU", "letterDate": "%s", "presentBy": "%s",
                 "record": {"status": "FULL", "admissionDate": "2001-05-19", "recognitionDate": "2002-05-19",
                            "partyAgeGaps": [{"from": "2010-01-04", "until": "2011-03-01"}],
                            "badges": [{"level": 30, "badgeNumber": "H-2031-0042", "awardedOn": "2031-09-02"}],
                            "cardNumber": "PC-123456",
                            "disciplineInEffect": [{"form": "REPRIMAND", "effectiveDate": "2026-03-01"}]}}
                """.formatted(memberId, transferId, toOrgId, letterDate, letterDate.plusDays(42));
    }

    /** A new message (fresh ce_id) to the destination. */
    Sent send(String key, String value) throws Exception {
        return send(key, UUID.randomUUID().toString(), destination, value);
    }

    Sent send(String key, String ceId, String to, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", ceId);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_destination", to);
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        producer.send(record).get(10, TimeUnit.SECONDS);
        return new Sent(ceId, value);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

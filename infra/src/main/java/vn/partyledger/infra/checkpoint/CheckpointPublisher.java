package vn.partyledger.infra.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import vn.partyledger.infra.integration.IntegrationProperties;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each checkpoint to {@code partyledger.checkpoints.topic}, keyed by this deployment's source, with
 * CloudEvents binary-mode headers like the integration events; {@code ce_id} is the source and the tree size, which
 * consumers deduplicate on (two nodes may publish the same checkpoint).
 */
final class CheckpointPublisher implements CheckpointRecorder.Publication {

    static final String TYPE = "vn.partyledger.log.checkpoint.v1";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper objectMapper;
    private final String topic;
    private final String source;

    CheckpointPublisher(KafkaTemplate<String, String> kafka, ObjectMapper objectMapper, CheckpointProperties settings,
                        IntegrationProperties integration) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
        this.topic = settings.topic();
        this.source = integration.source();
    }

    @Override
    public void publish(Checkpoint checkpoint) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, source,
                                                                     objectMapper.writeValueAsString(checkpoint));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", source + "/" + checkpoint.treeSize());
        header(record, "ce_type", TYPE);
        header(record, "ce_source", source);
        header(record, "ce_time", checkpoint.recordedAt().toString());
        header(record, "content-type", "application/json");
        kafka.send(record).get(30, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

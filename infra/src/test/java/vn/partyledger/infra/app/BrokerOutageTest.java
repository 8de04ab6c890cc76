package vn.partyledger.infra.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.IntegrationPublisher;
import vn.partyledger.infra.kafka.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.IntegratorConsumer.header;
import static vn.partyledger.infra.app.IntegratorConsumer.reading;

/**
 * Issue 12 item 2: the broker goes down while decisions are being recorded. Recording goes on; publishing pauses and,
 * once the broker is back, resumes where it stopped: every decision of the outage is delivered, none is skipped, and
 * after deduplication on {@code ce_id} (delivery is at least once) each member's messages are in the order recorded.
 */
class BrokerOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void publishingPausesWhileTheBrokerIsDownAndResumesWhereItStopped() {
        EmbeddedKafkaBroker restarted = null;
        try (ConfigurableApplicationContext app = StandaloneApplication.start(dataDir,
                "--partyledger.mongodb.embedded.backend=memory",
                // sends fail fast while the broker is down, so the publisher's retries are exercised, not only the
                // producer's buffer
                "--partyledger.integration.send-timeout=1s")) {
            RestClient client = StandaloneApplication.board(app);
            EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
            IntegrationProperties integration = app.getBean(IntegrationProperties.class);
            Scenario scenario = new Scenario(client).organisationTree();
            String before = "before-" + scenario.suffix;
            scenario.admittedMember(before);
            assertThat(typesUntil(broker.bootstrapServers(), integration, before, "member.admitted.v1"))
                    .containsExactly("member.admitted.v1");

            broker.close();
            String during = "during-" + scenario.suffix;
            scenario.fullMember(during);
            Scenario.expect(scenario.lostContact(during, "2026-10-12", "2026-10-20"), 200);
            long head = lastPosition(app);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> publisherPosition(app) < head);
            restarted = EmbeddedKafkaBroker.start(broker.logDir(), broker.port(), broker.controllerPort());

            assertThat(typesUntil(restarted.bootstrapServers(), integration, during, "member.lost-contact.v1"))
                    .containsExactly("member.admitted.v1", "member.recognised.v1", "member.lost-contact.v1");
            assertThat(typesUntil(restarted.bootstrapServers(), integration, before, "member.admitted.v1"))
                    .containsExactly("member.admitted.v1");
            await().atMost(Duration.ofSeconds(60)).until(() -> publisherPosition(app) >= head);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    /** The position of the last event in the log, read through to the end (a small log in this test). */
    private static long lastPosition(ConfigurableApplicationContext app) {
        long last = -1;
        try (BlockingStream<TrackedEventMessage<?>> log = app.getBean(EventStore.class).openStream(null)) {
            while (log.hasNextAvailable(1, TimeUnit.SECONDS)) {
                last = log.nextAvailable().trackingToken().position().orElseThrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return last;
    }

    /** How far the publisher has got in the log: -1 while no segment reports a position (it released it). */
    private static long publisherPosition(ConfigurableApplicationContext app) {
        StreamingEventProcessor publisher = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(IntegrationPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        return publisher.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).max().orElse(-1);
    }

    /**
     * The subject's message types from the start of the member topic, each {@code ce_id} counted once, read until one
     * of the given type arrived (the publisher's retries after a broker outage can take a minute).
     */
    private static List<String> typesUntil(String bootstrapServers, IntegrationProperties integration, String subject,
                                           String lastType) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reading(bootstrapServers, integration.memberEventsTopic())) {
            await().atMost(Duration.ofSeconds(180)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(record.key()) && seen.add(header(record, "ce_id"))) {
                        types.add(header(record, "ce_type").substring("vn.partyledger.".length()));
                    }
                }
                return types.contains(lastType);
            });
        }
        return types;
    }
}

package vn.partyledger.infra.app;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.PartyLedgerApplication;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.IntegrationPublisher;
import vn.partyledger.infra.kafka.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12 item 2: the broker goes down while decisions are being recorded. Recording goes on; publishing pauses and,
 * once the broker is back, resumes where it stopped: every decision of the outage is delivered, none is skipped, and
 * after deduplication on {@code ce_id} (delivery is at least once) each member's messages are in the order recorded.
 */
class BrokerOutageTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PartyLedgerApplication.class).run(
                "--server.port=0",
                "--partyledger.data-dir=" + dataDir,
                "--partyledger.mongodb.embedded.port=0",
                "--partyledger.mongodb.embedded.backend=memory",
                "--partyledger.kafka.embedded.port=0",
                "--partyledger.kafka.embedded.controller-port=0",
                // sends fail fast while the broker is down, so the publisher's retries are exercised, not only the
                // producer's buffer
                "--partyledger.integration.send-timeout=1s",
                "--spring.config.additional-location=classpath:/test-users.properties");
    }

    private static RestClient board(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic "
                        + Base64.getEncoder().encodeToString("board:board-local-only".getBytes()))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void publishingPausesWhileTheBrokerIsDownAndResumesWhereItStopped() {
        EmbeddedKafkaBroker restarted = null;
        try (ConfigurableApplicationContext app = start()) {
            RestClient client = board(app);
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
            Scenario.expect(scenario.step(during, "record-lost-contact", """
                    {"from": "2026-10-12",
                     "decision": {"docNumber": "NQ-10/CB", "docDate": "2026-10-20", "issuingOrgId": "%s"}}
                    """.formatted(scenario.branch)), 200);
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
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "integrator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Set<String> seen = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(integration.memberEventsTopic()));
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

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

package vn.partyledger.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.partyledger.infra.mongo.EmbeddedMongoServer;
import vn.partyledger.infra.mongo.MongoConfiguration;
import vn.partyledger.infra.mongo.MongoEndpoint;

/**
 * Our two configuration classes plus actuator health, nothing else: the embedded servers start on free ports, the
 * health contributors report them UP, and the Kafka beans work end to end (topic bean created, template sends, the
 * default listener container factory delivers).
 */
@SpringBootTest(
        classes = {MongoConfiguration.class, KafkaConfiguration.class, EmbeddedServersContextTest.Wiring.class},
        properties = {
                "partyledger.mongodb.uri=",
                "partyledger.mongodb.embedded.port=0",
                "partyledger.mongodb.embedded.backend=memory",
                "partyledger.kafka.bootstrap-servers=",
                "partyledger.kafka.embedded.port=0",
                "partyledger.kafka.embedded.controller-port=0"})
@DirtiesContext // stop the broker before the temporary data dir is deleted
class EmbeddedServersContextTest {

    private static final String TOPIC = "context-test";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("partyledger.data-dir", () -> dataDir.toString());
    }

    @Autowired HealthEndpoint health;
    @Autowired EmbeddedMongoServer mongoServer;
    @Autowired MongoEndpoint mongoEndpoint;
    @Autowired MongoDatabase database;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaEndpoint kafkaEndpoint;
    @Autowired KafkaAdmin kafkaAdmin;
    @Autowired KafkaTemplate<String, String> kafkaTemplate;
    @Autowired Wiring wiring;
    @Autowired ConfigurableListableBeanFactory beanFactory;

    @Test
    void theMongoAndKafkaHealthContributorsAreUp() {
        assertThat(health.healthForPath("mongo").getStatus()).isEqualTo(Status.UP);
        assertThat(health.healthForPath("kafka").getStatus()).isEqualTo(Status.UP);
        SystemHealth all = (SystemHealth) health.health();
        assertThat(all.getStatus()).isEqualTo(Status.UP);
        assertThat(all.getComponents()).containsKeys("mongo", "kafka");
    }

    @Test
    void theClientsUseTheEmbeddedServersOnLoopbackAndTheDataDirOnly() {
        assertThat(mongoEndpoint.embedded()).isTrue();
        assertThat(mongoEndpoint.connectionString()).isEqualTo(mongoServer.connectionString()).startsWith("mongodb://127.0.0.1:");
        assertThat(database.getName()).isEqualTo("partyledger");
        database.getCollection("smoke").insertOne(new Document("_id", "x"));
        assertThat(database.getCollection("smoke").countDocuments()).isEqualTo(1);

        assertThat(kafkaEndpoint).isEqualTo(new KafkaEndpoint(broker.bootstrapServers(), true));
        assertThat(kafkaEndpoint.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(broker.logDir()).isEqualTo(dataDir.resolve("kafka").toAbsolutePath().normalize());
    }

    @Test
    void aTopicBeanIsCreatedAndARecordSentWithTheTemplateReachesAListener() throws Exception {
        assertThat(kafkaAdmin.describeTopics(TOPIC)).containsKey(TOPIC);

        kafkaTemplate.send(TOPIC, "member-1", "hello").get(10, TimeUnit.SECONDS);

        ConsumerRecord<String, String> received = wiring.received.poll(30, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.key()).isEqualTo("member-1");
        assertThat(received.value()).isEqualTo("hello");
    }

    /** Spring destroys dependents first: these edges are what close the clients before the servers stop. */
    @Test
    void theClientsDependOnTheServersSoTheyAreClosedFirst() {
        assertThat(beanFactory.getDependentBeans("embeddedMongoServer")).contains("mongoEndpoint");
        assertThat(beanFactory.getDependentBeans("mongoEndpoint")).contains("mongoClient", "mongoHealthIndicator");
        assertThat(beanFactory.getDependentBeans("embeddedKafkaBroker")).contains("kafkaEndpoint");
        assertThat(beanFactory.getDependentBeans("kafkaEndpoint")).contains(
                "kafkaProducerFactory", "kafkaConsumerFactory", "kafkaAdmin", "kafkaHealthIndicator");
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class})
    static class Wiring {

        final BlockingQueue<ConsumerRecord<String, String>> received = new LinkedBlockingQueue<>();

        @Bean
        NewTopic contextTestTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }

        @KafkaListener(id = "context-test-listener", topics = TOPIC)
        void listen(ConsumerRecord<String, String> record) {
            received.add(record);
        }
    }
}

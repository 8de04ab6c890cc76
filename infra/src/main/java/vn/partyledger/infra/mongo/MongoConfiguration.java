package vn.partyledger.infra.mongo;

import java.time.Duration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import vn.partyledger.infra.config.PartyLedgerProperties;

/**
 * MongoDB client for the whole application: the real driver, pointed either at {@code partyledger.mongodb.uri} or —
 * when that is empty — at an {@link EmbeddedMongoServer} started here on 127.0.0.1.
 *
 * <p>Bean graph: {@code embeddedMongoServer} (embedded only) ← {@code mongoEndpoint} ← {@code mongoClient} ←
 * {@code mongoDatabase}. The dependencies are factory-method parameters, so Spring destroys the client before the
 * server and the server's H2 store is closed (committed) last.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartyLedgerProperties.class)
public class MongoConfiguration {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    @Configuration(proxyBeanMethods = false)
    @Conditional(MongoConfiguration.NoMongoUri.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedMongoServer embeddedMongoServer(PartyLedgerProperties properties) {
            PartyLedgerProperties.MongoEmbedded embedded = properties.mongodb().embedded();
            return switch (embedded.backend()) {
                case H2 -> EmbeddedMongoServer.startWithStore(properties.mongoStoreFile(), embedded.port(),
                        embedded.cacheMb());
                case MEMORY -> EmbeddedMongoServer.startInMemory(embedded.port());
            };
        }

        @Bean
        MongoEndpoint mongoEndpoint(EmbeddedMongoServer server) {
            return new MongoEndpoint(server.connectionString(), true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(MongoConfiguration.MongoUriConfigured.class)
    static class External {

        @Bean
        MongoEndpoint mongoEndpoint(PartyLedgerProperties properties) {
            return new MongoEndpoint(properties.mongodb().uri().trim(), false);
        }
    }

    /**
     * The URI is honoured as given: write concern, read preference, TLS, credentials and timeouts all come from it.
     * Production runs a replica set and puts {@code w=majority} in the URI.
     */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applicationName("party-ledger") // an appName in the URI wins: it is applied after
                .applyConnectionString(new ConnectionString(endpoint.connectionString()))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, PartyLedgerProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint,
                                              ObjectProvider<EmbeddedMongoServer> embedded) {
        return new MongoHealthIndicator(database, endpoint, HEALTH_TIMEOUT, embedded.getIfAvailable());
    }

    /** Matches when {@code partyledger.mongodb.uri} is missing or blank: start the embedded server. */
    static final class NoMongoUri extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PartyLedgerProperties.bind(context.getEnvironment()).mongodb().external()
                    ? ConditionOutcome.noMatch("partyledger.mongodb.uri is set")
                    : ConditionOutcome.match("partyledger.mongodb.uri is empty: embedded server");
        }
    }

    /** Matches when {@code partyledger.mongodb.uri} has a value: connect there, start nothing. */
    static final class MongoUriConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PartyLedgerProperties.bind(context.getEnvironment()).mongodb().external()
                    ? ConditionOutcome.match("partyledger.mongodb.uri is set")
                    : ConditionOutcome.noMatch("partyledger.mongodb.uri is empty");
        }
    }
}

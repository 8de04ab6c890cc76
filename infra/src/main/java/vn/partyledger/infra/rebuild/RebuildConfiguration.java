package vn.partyledger.infra.rebuild;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

    @Bean
    public ProjectionGenerations projectionGenerations(MongoDatabase database) {
        return new ProjectionGenerations(database);
    }

    /**
     * Rebuilds read the log from the application's storage engine and keep their tokens in its token store, in its
     * transactions; one taking longer than {@code partyledger.rebuild.time-limit} is given up.
     */
    @Bean
    public ProjectionRebuilds projectionRebuilds(List<RebuildableProjection> projections,
                                                 ProjectionGenerations generations,
                                                 EventProcessingConfiguration processing,
                                                 TokenStore tokenStore, TransactionManager transactionManager,
                                                 MongoEventStorageEngine engine, MeterRegistry meters,
                                                 @Value("${partyledger.rebuild.time-limit:12h}") Duration timeLimit) {
        return new ProjectionRebuilds(projections, new RebuildRun.Support(generations, processing, engine,
                tokenStore, transactionManager, engine::storedEvents, timeLimit), meters);
    }
}

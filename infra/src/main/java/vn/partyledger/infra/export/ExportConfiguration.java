package vn.partyledger.infra.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.infra.checkpoint.LogProofs;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Clock;

/** The history exports for auditors (ADR 0047). */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    @Bean
    public HistoryExport historyExport(MongoEventStorageEngine eventStorageEngine, LogProofs logProofs,
                                       ObjectMapper objectMapper, Clock clock) {
        return new HistoryExport(eventStorageEngine, logProofs, objectMapper, clock);
    }
}

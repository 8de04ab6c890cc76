package vn.partyledger.infra.audit;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.infra.axon.AxonConfiguration;

import java.time.Clock;

/** The access audit's store, in the application's database beside (never inside) the event log. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public AccessAudit accessAudit(MongoDatabase database, Clock clock) {
        return new AccessAudit(database, clock, AxonConfiguration.BUSINESS_ZONE);
    }
}

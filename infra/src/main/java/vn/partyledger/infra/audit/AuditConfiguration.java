package vn.partyledger.infra.audit;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import vn.partyledger.domain.shared.Today;

/** The access audit's store, in the application's database beside (never inside) the event log. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public AccessAudit accessAudit(MongoDatabase database, Clock clock) {
        return new AccessAudit(database, clock, Today.BUSINESS_ZONE);
    }
}

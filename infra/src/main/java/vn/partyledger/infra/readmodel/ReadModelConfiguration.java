package vn.partyledger.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.query.roster.BranchRosterProjection;

@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    public BranchRosterProjection branchRosterProjection(MongoDatabase database) {
        return new BranchRosterProjection(database);
    }
}

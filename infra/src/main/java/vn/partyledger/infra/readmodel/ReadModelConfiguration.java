package vn.partyledger.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.tree.OrganisationTreeProjection;

@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    public BranchRosterProjection branchRosterProjection(MongoDatabase database) {
        return new BranchRosterProjection(database);
    }

    @Bean
    public OrganisationTreeProjection organisationTreeProjection(MongoDatabase database) {
        return new OrganisationTreeProjection(database);
    }
}

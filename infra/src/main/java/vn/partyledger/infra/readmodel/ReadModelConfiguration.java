package vn.partyledger.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.timeline.MemberTimelineQueries;

@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    public BranchRosterProjection branchRosterProjection(MongoDatabase database) {
        return new BranchRosterProjection(database);
    }

    /** The member timeline reads the log itself, not a read model of its own (ADR 0030). */
    @Bean
    public MemberTimelineQueries memberTimelineQueries(EventStore eventStore) {
        return new MemberTimelineQueries(eventStore);
    }
}

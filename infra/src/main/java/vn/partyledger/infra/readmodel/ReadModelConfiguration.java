package vn.partyledger.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.timeline.MemberTimelineQueries;
import vn.partyledger.query.tree.OrganisationTreeProjection;

@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** Axon's emitter tells the subscription queries of the live rosters (ADR 0033). */
    @Bean
    public BranchRosterProjection branchRosterProjection(MongoDatabase database, QueryUpdateEmitter liveRosters) {
        return new BranchRosterProjection(database, liveRosters);
    }

    @Bean
    public OrganisationTreeProjection organisationTreeProjection(MongoDatabase database) {
        return new OrganisationTreeProjection(database);
    }

    /** The member timeline reads the log itself, not a read model of its own (ADR 0030). */
    @Bean
    public MemberTimelineQueries memberTimelineQueries(EventStore eventStore) {
        return new MemberTimelineQueries(eventStore);
    }
}

package vn.partyledger.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.recruitment.SmallCellSuppression;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.query.due.DueListProjection;
import vn.partyledger.query.partyage.BadgeEligibilityQueries;
import vn.partyledger.query.partyage.PartyAgeProjection;
import vn.partyledger.query.partyage.PartyAgeQueries;
import vn.partyledger.query.recruitment.RecruitmentProjection;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.roster.FullMembersOverTime;
import vn.partyledger.query.roster.RosterTotalsQueries;
import vn.partyledger.query.statistics.MembershipLossesQueries;
import vn.partyledger.query.statistics.MembershipOnDateQueries;
import vn.partyledger.query.statistics.MembershipStatisticsProjection;
import vn.partyledger.query.timeline.MemberTimelineQueries;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.util.List;

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

    /**
     * Due dates are counted with the calendar and policy the rules use; branches come from the tree on the date, their
     * full members from the branch rosters' entries. Axon's emitter tells the live due lists (ADR 0041).
     */
    @Bean
    public DueListProjection dueListProjection(MongoDatabase database, WorkingDayCalendar calendar,
                                               AdmissionPolicy admission, RecruitmentPolicy recruitment,
                                               OrganisationTreeProjection tree, QueryUpdateEmitter liveDueLists) {
        return new DueListProjection(database, calendar, admission, recruitment, tree::handle,
                new FullMembersOverTime(database)::belowSince, liveDueLists);
    }

    /**
     * A percentage target is of the rolls on 1 January: the branch rosters answer them, the tree which branches. The
     * new members are broken down through the register's statistical window, small cells suppressed, and live
     * dashboards are told through Axon's emitter (ADR 0039).
     */
    @Bean
    public RecruitmentProjection recruitmentProjection(MongoDatabase database, OrganisationTreeProjection tree,
                                                       BranchRosterProjection rosters, PersonProfiles profiles,
                                                       StatisticsProperties statistics,
                                                       QueryUpdateEmitter liveDashboards) {
        return new RecruitmentProjection(database, tree::handle, rosters::handle, profiles,
                new SmallCellSuppression(statistics.smallCellSuppressionK()), liveDashboards);
    }

    /** The rolls under an organisation are its branches' rosters on the date, found in the tree of that day. */
    @Bean
    public RosterTotalsQueries rosterTotalsQueries(OrganisationTreeProjection tree, BranchRosterProjection rosters) {
        return new RosterTotalsQueries(tree::handle, rosters::handle);
    }

    @Bean
    public PartyAgeProjection partyAgeProjection(MongoDatabase database) {
        return new PartyAgeProjection(database);
    }

    /**
     * Party ages are the members' facts joined to the branch rosters of the date, in the tree of that day (ADR 0040);
     * the groups' lower bounds after the first come from partyledger.read.party-age-groups (domain.md names no
     * grouping: by default under 10, 10–19, 20–29, 30–39 and 40 years and more).
     */
    @Bean
    public PartyAgeQueries partyAgeQueries(PartyAgeProjection facts, OrganisationTreeProjection tree,
                                           BranchRosterProjection rosters, BadgePolicy policy,
                                           @Value("${partyledger.read.party-age-groups:10,20,30,40}")
                                           List<Integer> groupBounds) {
        return new PartyAgeQueries(facts, tree::handle, rosters::handle, policy, groupBounds);
    }

    /** Badge candidates are counted with the numbers the award's rules use. */
    @Bean
    public BadgeEligibilityQueries badgeEligibilityQueries(PartyAgeProjection facts, OrganisationTreeProjection tree,
                                                           BranchRosterProjection rosters, BadgePolicy policy,
                                                           DisciplinePolicy disciplinePolicy) {
        return new BadgeEligibilityQueries(facts, tree::handle, rosters::handle, policy, disciplinePolicy);
    }

    @Bean
    public MembershipStatisticsProjection membershipStatisticsProjection(MongoDatabase database) {
        return new MembershipStatisticsProjection(database);
    }

    /** A year's losses under an organisation: the branches are the tree's, a destination's province the tree's too. */
    @Bean
    public MembershipLossesQueries membershipLossesQueries(MongoDatabase database, OrganisationTreeProjection tree) {
        return new MembershipLossesQueries(database, tree::handle);
    }

    /** The members by status and age group: the branch rosters of the day, dates of birth from the register. */
    @Bean
    public MembershipOnDateQueries membershipOnDateQueries(OrganisationTreeProjection tree,
                                                           BranchRosterProjection rosters, PersonProfiles profiles,
                                                           StatisticsProperties statistics) {
        return new MembershipOnDateQueries(tree::handle, rosters::handle, profiles, statistics.ageGroupsFrom());
    }

    /** The member timeline reads the log itself, not a read model of its own (ADR 0030). */
    @Bean
    public MemberTimelineQueries memberTimelineQueries(EventStore eventStore) {
        return new MemberTimelineQueries(eventStore);
    }
}

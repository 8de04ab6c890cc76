package vn.partyledger.infra.readmodel;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
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
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.rebuild.ProjectionGenerations;
import vn.partyledger.infra.rebuild.RebuildableProjection;
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

/**
 * The projections answer from the active generation of their collections (ADR 0037); each is also rebuildable, by a
 * second instance writing to a fresh generation. A rebuild's emitter has no subscriber: live subscribers are told of
 * changes once the rebuild is switched to.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** Members' histories kept for the timeline: an auditor's session reads a few members, each again and again. */
    private static final int HISTORIES_KEPT = 1_000;

    /** Axon's emitter tells the subscription queries of the live rosters (ADR 0033). */
    @Bean
    public BranchRosterProjection branchRosterProjection(ProjectionGenerations generations,
                                                         QueryUpdateEmitter liveRosters) {
        return new BranchRosterProjection(generations.serving(BranchRosterProjection.PROCESSING_GROUP), liveRosters);
    }

    @Bean
    public RebuildableProjection branchRosterRebuild() {
        return new RebuildableProjection(BranchRosterProjection.PROCESSING_GROUP,
                BranchRosterProjection::filling);
    }

    @Bean
    public OrganisationTreeProjection organisationTreeProjection(ProjectionGenerations generations) {
        return new OrganisationTreeProjection(generations.serving(OrganisationTreeProjection.PROCESSING_GROUP));
    }

    @Bean
    public RebuildableProjection organisationTreeRebuild() {
        return new RebuildableProjection(OrganisationTreeProjection.PROCESSING_GROUP, OrganisationTreeProjection::new);
    }

    /** A branch's full members day by day, from the branch rosters' entries in their active generation. */
    @Bean
    public FullMembersOverTime fullMembersOverTime(ProjectionGenerations generations) {
        return new FullMembersOverTime(generations.serving(BranchRosterProjection.PROCESSING_GROUP));
    }

    /**
     * Due dates are counted with the calendar and policy the rules use; branches come from the tree on the date, their
     * full members from the branch rosters' entries. Axon's emitter tells the live due lists (ADR 0041).
     */
    @Bean
    public DueListProjection dueListProjection(ProjectionGenerations generations, WorkingDayCalendar calendar,
                                               AdmissionPolicy admission, RecruitmentPolicy recruitment,
                                               OrganisationTreeProjection tree, FullMembersOverTime fullMembers,
                                               QueryUpdateEmitter liveDueLists) {
        return new DueListProjection(generations.serving(DueListProjection.PROCESSING_GROUP), calendar, admission,
                recruitment, tree::handle, fullMembers::belowSince, liveDueLists);
    }

    @Bean
    public RebuildableProjection dueListRebuild(WorkingDayCalendar calendar, AdmissionPolicy admission,
                                                RecruitmentPolicy recruitment, OrganisationTreeProjection tree,
                                                FullMembersOverTime fullMembers) {
        return new RebuildableProjection(DueListProjection.PROCESSING_GROUP,
                database -> new DueListProjection(database, calendar, admission, recruitment, tree::handle,
                        fullMembers::belowSince, SimpleQueryUpdateEmitter.builder().build()));
    }

    /**
     * A percentage target is of the rolls on 1 January: the branch rosters answer them, the tree which branches. The
     * new members are broken down through the register's statistical window, small cells suppressed, and live
     * dashboards are told through Axon's emitter (ADR 0039).
     */
    @Bean
    public RecruitmentProjection recruitmentProjection(ProjectionGenerations generations,
                                                       OrganisationTreeProjection tree,
                                                       BranchRosterProjection rosters, PersonProfiles profiles,
                                                       StatisticsProperties statistics,
                                                       QueryUpdateEmitter liveDashboards) {
        return new RecruitmentProjection(generations.serving(RecruitmentProjection.PROCESSING_GROUP), tree::handle,
                rosters::handle, profiles, new SmallCellSuppression(statistics.smallCellSuppressionK()),
                liveDashboards);
    }

    @Bean
    public RebuildableProjection recruitmentRebuild(OrganisationTreeProjection tree, BranchRosterProjection rosters,
                                                    PersonProfiles profiles, StatisticsProperties statistics) {
        return new RebuildableProjection(RecruitmentProjection.PROCESSING_GROUP,
                database -> new RecruitmentProjection(database, tree::handle, rosters::handle, profiles,
                        new SmallCellSuppression(statistics.smallCellSuppressionK()),
                        SimpleQueryUpdateEmitter.builder().build()));
    }

    /** The rolls under an organisation are its branches' rosters on the date, found in the tree of that day. */
    @Bean
    public RosterTotalsQueries rosterTotalsQueries(OrganisationTreeProjection tree, BranchRosterProjection rosters) {
        return new RosterTotalsQueries(tree::handle, rosters::handle, rosters::countsOn);
    }

    @Bean
    public PartyAgeProjection partyAgeProjection(ProjectionGenerations generations) {
        return new PartyAgeProjection(generations.serving(PartyAgeProjection.PROCESSING_GROUP));
    }

    @Bean
    public RebuildableProjection partyAgeRebuild() {
        return new RebuildableProjection(PartyAgeProjection.PROCESSING_GROUP, PartyAgeProjection::new);
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
    public MembershipStatisticsProjection membershipStatisticsProjection(ProjectionGenerations generations) {
        return new MembershipStatisticsProjection(
                generations.serving(MembershipStatisticsProjection.PROCESSING_GROUP));
    }

    @Bean
    public RebuildableProjection membershipStatisticsRebuild() {
        return new RebuildableProjection(MembershipStatisticsProjection.PROCESSING_GROUP,
                MembershipStatisticsProjection::new);
    }

    /** A year's losses under an organisation: the branches are the tree's, a destination's province the tree's too. */
    @Bean
    public MembershipLossesQueries membershipLossesQueries(ProjectionGenerations generations,
                                                           OrganisationTreeProjection tree) {
        return new MembershipLossesQueries(generations.serving(MembershipStatisticsProjection.PROCESSING_GROUP),
                tree::handle);
    }

    /** The members by status and age group: the branch rosters of the day, dates of birth from the register. */
    @Bean
    public MembershipOnDateQueries membershipOnDateQueries(OrganisationTreeProjection tree,
                                                           BranchRosterProjection rosters, PersonProfiles profiles,
                                                           StatisticsProperties statistics) {
        return new MembershipOnDateQueries(tree::handle, rosters::countsOn, rosters::birthDateFiguresOn, profiles,
                statistics.ageGroupsFrom());
    }

    /**
     * The member timeline reads the log itself, not a read model of its own (ADR 0030), and keeps the histories read
     * lately while the log holds nothing later of their members (ADR 0070).
     */
    @Bean
    public MemberTimelineQueries memberTimelineQueries(EventStore eventStore, MongoEventStorageEngine log) {
        return new MemberTimelineQueries(eventStore, log::withEventsAfter, HISTORIES_KEPT);
    }
}

package vn.partyledger.infra.readmodel;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.infra.rebuild.ProjectionGenerations;
import vn.partyledger.infra.rebuild.RebuildableProjection;
import vn.partyledger.query.due.DueListProjection;
import vn.partyledger.query.recruitment.RecruitmentProjection;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.roster.FullMembersOverTime;
import vn.partyledger.query.roster.RosterTotalsQueries;
import vn.partyledger.query.timeline.MemberTimelineQueries;
import vn.partyledger.query.tree.OrganisationTreeProjection;

/**
 * The projections answer from the active generation of their collections (ADR 0037); each is also rebuildable, by a
 * second instance writing to a fresh generation. A rebuild's emitter has no subscriber: live subscribers are told of
 * changes once the rebuild is switched to.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** Axon's emitter tells the subscription queries of the live rosters (ADR 0033). */
    @Bean
    public BranchRosterProjection branchRosterProjection(ProjectionGenerations generations,
                                                         QueryUpdateEmitter liveRosters) {
        return new BranchRosterProjection(generations.serving(BranchRosterProjection.PROCESSING_GROUP), liveRosters);
    }

    @Bean
    public RebuildableProjection branchRosterRebuild() {
        return new RebuildableProjection(BranchRosterProjection.PROCESSING_GROUP,
                database -> new BranchRosterProjection(database, SimpleQueryUpdateEmitter.builder().build()));
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

    /** A percentage target is of the rolls on 1 January: the branch rosters answer them, the tree which branches. */
    @Bean
    public RecruitmentProjection recruitmentProjection(ProjectionGenerations generations,
                                                       OrganisationTreeProjection tree,
                                                       BranchRosterProjection rosters) {
        return new RecruitmentProjection(generations.serving(RecruitmentProjection.PROCESSING_GROUP), tree::handle,
                rosters::handle);
    }

    @Bean
    public RebuildableProjection recruitmentRebuild(OrganisationTreeProjection tree, BranchRosterProjection rosters) {
        return new RebuildableProjection(RecruitmentProjection.PROCESSING_GROUP,
                database -> new RecruitmentProjection(database, tree::handle, rosters::handle));
    }

    /** The rolls under an organisation are its branches' rosters on the date, found in the tree of that day. */
    @Bean
    public RosterTotalsQueries rosterTotalsQueries(OrganisationTreeProjection tree, BranchRosterProjection rosters) {
        return new RosterTotalsQueries(tree::handle, rosters::handle);
    }

    /** The member timeline reads the log itself, not a read model of its own (ADR 0030). */
    @Bean
    public MemberTimelineQueries memberTimelineQueries(EventStore eventStore) {
        return new MemberTimelineQueries(eventStore);
    }
}

package vn.partyledger.query.recruitment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.organisation.RecruitmentTargetSet;
import vn.partyledger.domain.organisation.TargetMode;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentStep;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps {@code recruitment_steps} (ADR 0035): one document per step a member took, keyed by member, step and date,
 * under the branch the member was in — so a redelivered event writes the same document, and a later transfer leaves
 * the year's figures where they were earned. {@code recruitment_targets} holds the latest target set for each
 * organisation and year; {@code recruitment_members} each member's branch, which the file's events do not carry.
 */
@ProcessingGroup(RecruitmentProjection.PROCESSING_GROUP)
public class RecruitmentProjection {

    public static final String PROCESSING_GROUP = "recruitment";
    private static final String BRANCH = "branchId";
    private static final String STEP = "step";
    private static final String ON = "on";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MongoCollection<Document> steps;
    private final MongoCollection<Document> targets;
    private final MongoCollection<Document> members;
    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final Function<FindBranchRoster, Optional<BranchRoster>> rosters;

    /**
     * {@code tree} answers the organisation tree on a date (ADR 0032), {@code rosters} a branch's roster on a date: a
     * percentage target is of the members on the rolls on 1 January.
     */
    public RecruitmentProjection(MongoDatabase database, Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                                 Function<FindBranchRoster, Optional<BranchRoster>> rosters) {
        this.steps = database.getCollection("recruitment_steps");
        this.targets = database.getCollection("recruitment_targets");
        this.members = database.getCollection("recruitment_members");
        this.tree = tree;
        this.rosters = rosters;
    }

    @EventHandler
    void on(OutstandingCandidateRegistered event) {
        placed(event.memberId(), event.branchId());
        taken(event.memberId(), RecruitmentStep.CANDIDATE_REGISTERED, event.registeredOn());
    }

    @EventHandler
    void on(AwarenessCourseCompleted event) {
        taken(event.memberId(), RecruitmentStep.AWARENESS_COURSE, event.issueDate());
    }

    @EventHandler
    void on(ApplicationSubmitted event) {
        taken(event.memberId(), RecruitmentStep.APPLICATION, event.applicationDate());
    }

    @EventHandler
    void on(BranchAdmissionVoteRecorded event) {
        if (event.passed()) {
            taken(event.memberId(), RecruitmentStep.BRANCH_VOTE_PASSED, event.voteDate());
        }
    }

    @EventHandler
    void on(AdmissionApproved event) {
        taken(event.memberId(), RecruitmentStep.ADMISSION_DECIDED, event.decisionDate());
    }

    @EventHandler
    void on(MemberAdmitted event) {
        taken(event.memberId(), RecruitmentStep.CEREMONY, event.ceremonyDate());
    }

    @EventHandler
    void on(FullMembershipRecognized event) {
        taken(event.memberId(), RecruitmentStep.RECOGNISED, event.decisionDate());
    }

    /** An imported probationary member's recognition counts under the branch the file put the member on. */
    @EventHandler
    void on(MemberImported event) {
        placed(event.memberId(), event.homeOrgId());
    }

    @EventHandler
    void on(MemberHomeChanged event) {
        placed(event.memberId(), event.toOrgId());
    }

    @EventHandler
    void on(MemberCollectivelyTransferred event) {
        placed(event.memberId(), event.toOrgId());
    }

    @EventHandler
    void on(RecruitmentTargetSet event) {
        targets.replaceOne(Filters.eq("_id", event.orgId() + ":" + event.year()),
                new Document("_id", event.orgId() + ":" + event.year()).append("mode", event.mode().name())
                        .append("value", event.value().toPlainString()),
                new ReplaceOptions().upsert(true));
    }

    /**
     * The year's figures of the organisation as the tree stood at the end of the year, and of each organisation
     * directly under it; empty when the organisation was not founded by then.
     */
    @QueryHandler
    Optional<RecruitmentDashboard> handle(FindRecruitmentDashboard query) {
        LocalDate yearEnd = LocalDate.of(query.year(), 12, 31);
        return tree.apply(new FindOrganisationTree(query.orgId(), yearEnd)).map(root ->
                new RecruitmentDashboard(query.year(), query.byCeremony(), figures(root, query),
                        root.children().stream().map(child -> figures(child, query)).toList()));
    }

    private RecruitmentDashboard.Figures figures(OrganisationTree organisation, FindRecruitmentDashboard query) {
        LocalDate opening = LocalDate.of(query.year(), 1, 1);
        LocalDate yearEnd = LocalDate.of(query.year(), 12, 31);
        Map<RecruitmentStep, Integer> funnel = new EnumMap<>(RecruitmentStep.class);
        for (RecruitmentStep step : RecruitmentStep.values()) {
            funnel.put(step, 0);
        }
        steps.find(Filters.and(Filters.in(BRANCH, branchesUnder(organisation)), Filters.gte(ON, opening.toString()),
                        Filters.lte(ON, yearEnd.toString())))
                .forEach(step -> funnel.merge(RecruitmentStep.valueOf(step.getString(STEP)), 1, Integer::sum));
        int admitted = funnel.get(query.byCeremony() ? RecruitmentStep.CEREMONY : RecruitmentStep.ADMISSION_DECIDED);
        int openingMembers = tree.apply(new FindOrganisationTree(organisation.orgId(), opening))
                .map(atOpening -> branchesUnder(atOpening).stream()
                        .mapToInt(branch -> rosters.apply(new FindBranchRoster(branch, opening))
                                .map(BranchRoster::headcount).orElse(0))
                        .sum())
                .orElse(0);
        Document target = targets.find(Filters.eq("_id", organisation.orgId() + ":" + query.year())).first();
        if (target == null) {
            return new RecruitmentDashboard.Figures(organisation.orgId(), organisation.name(), null, null, null,
                    openingMembers, admitted, null, funnel);
        }
        TargetMode mode = TargetMode.valueOf(target.getString("mode"));
        BigDecimal value = new BigDecimal(target.getString("value"));
        int number = mode == TargetMode.ABSOLUTE ? value.intValue()
                : value.multiply(BigDecimal.valueOf(openingMembers)).divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .intValue();
        BigDecimal achieved = number == 0 ? null
                : BigDecimal.valueOf(admitted).multiply(HUNDRED).divide(BigDecimal.valueOf(number), 1,
                RoundingMode.HALF_UP);
        return new RecruitmentDashboard.Figures(organisation.orgId(), organisation.name(), mode, value, number,
                openingMembers, admitted, achieved, funnel);
    }

    private static Set<String> branchesUnder(OrganisationTree organisation) {
        Set<String> ids = new HashSet<>();
        ids.add(organisation.orgId());
        organisation.children().forEach(child -> ids.addAll(branchesUnder(child)));
        return ids;
    }

    private void placed(String memberId, String branchId) {
        members.replaceOne(Filters.eq("_id", memberId), new Document("_id", memberId).append(BRANCH, branchId),
                new ReplaceOptions().upsert(true));
    }

    private void taken(String memberId, RecruitmentStep step, LocalDate on) {
        Document member = members.find(Filters.eq("_id", memberId)).first();
        String id = memberId + ":" + step + ":" + on;
        steps.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", new Document("memberId", memberId)
                        .append(STEP, step.name()).append(ON, on.toString())
                        .append(BRANCH, member == null ? null : member.getString(BRANCH))),
                new UpdateOptions().upsert(true));
    }
}

package vn.partyledger.query.recruitment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import vn.partyledger.query.batch.BatchedDocuments;
import vn.partyledger.query.batch.BatchedUpdates;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
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
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.recruitment.Breakdown;
import vn.partyledger.domain.recruitment.BreakdownDimension;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentChanged;
import vn.partyledger.domain.recruitment.RecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentStep;
import vn.partyledger.domain.recruitment.SmallCellSuppression;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps {@code recruitment_steps} (ADR 0035): one document per step a member took, keyed by member, step and date,
 * under the branch the member was in — so a redelivered event writes the same document, and a later transfer leaves
 * the year's figures where they were earned. {@code recruitment_targets} holds the latest target set for each
 * organisation and year; {@code recruitment_members} each member's branch and person, which the file's events do not
 * carry. The members admitted are broken down as counts only ({@link AdmissionBreakdowns}, ADR 0039), and every change
 * is told to the live dashboards of its year.
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
    private final BatchedUpdates stepChanges;
    private final BatchedDocuments members;
    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;
    private final Function<FindBranchRoster, Optional<BranchRoster>> rosters;
    private final AdmissionBreakdowns breakdowns;
    private final SmallCellSuppression suppression;
    private final QueryUpdateEmitter liveDashboards;

    /**
     * {@code tree} answers the organisation tree on a date (ADR 0032), {@code rosters} a branch's roster on a date: a
     * percentage target is of the members on the rolls on 1 January. {@code profiles} is the register's window the
     * breakdowns are counted through, {@code suppression} hides their small cells, {@code liveDashboards} tells the
     * dashboards followed live (ADR 0039).
     */
    public RecruitmentProjection(MongoDatabase database, Function<FindOrganisationTree, Optional<OrganisationTree>> tree,
                                 Function<FindBranchRoster, Optional<BranchRoster>> rosters, PersonProfiles profiles,
                                 SmallCellSuppression suppression, QueryUpdateEmitter liveDashboards) {
        this.steps = database.getCollection("recruitment_steps");
        this.targets = database.getCollection("recruitment_targets");
        this.stepChanges = new BatchedUpdates(steps);
        this.members = new BatchedDocuments(database.getCollection("recruitment_members"),
                event -> event instanceof DomainEventMessage<?> inStream
                        ? Stream.of(inStream.getAggregateIdentifier()) : Stream.empty());
        this.tree = tree;
        this.rosters = rosters;
        this.breakdowns = new AdmissionBreakdowns(database, profiles);
        this.suppression = suppression;
        this.liveDashboards = liveDashboards;
    }

    @EventHandler
    void on(OutstandingCandidateRegistered event) {
        placed(event.memberId(), event.branchId());
        personOf(event.memberId(), event.personId());
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
    void on(AdmissionApproved event, @Timestamp Instant recordedAt) {
        taken(event.memberId(), RecruitmentStep.ADMISSION_DECIDED, event.decisionDate()).ifPresent(member -> {
            count(member, AdmissionBreakdowns.Basis.DECISION, member.personId(), event.decisionDate(),
                    event.decisionDate(), recordedAt);
            members.replace(member.document());
        });
    }

    @EventHandler
    void on(MemberAdmitted event, @Timestamp Instant recordedAt) {
        taken(event.memberId(), RecruitmentStep.CEREMONY, event.ceremonyDate()).ifPresent(member -> {
            member.heldCeremony(event.ceremonyDate());
            count(member, AdmissionBreakdowns.Basis.CEREMONY, event.personId(), event.ceremonyDate(),
                    event.admissionDecisionDate(), recordedAt);
            members.replace(member.document());
        });
    }

    @EventHandler
    void on(FullMembershipRecognized event) {
        taken(event.memberId(), RecruitmentStep.RECOGNISED, event.decisionDate());
    }

    /**
     * A mistyped decision date corrected (I30): the admission moves to the corrected date, in the funnel and in the
     * breakdowns (by decision; by ceremony, the age on the decision's day may change).
     */
    @EventHandler
    void on(EntryDateCorrected event, @Timestamp Instant recordedAt) {
        if (event.correctedEventType() != EntryType.ADMISSION_APPROVED) {
            return;
        }
        stepChanges.deleteOne(stepId(event.memberId(), RecruitmentStep.ADMISSION_DECIDED, event.recordedDate()));
        changed(event.homeOrgId(), event.recordedDate().getYear());
        taken(event.memberId(), RecruitmentStep.ADMISSION_DECIDED, event.correctedDate()).ifPresent(member -> {
            uncount(member, AdmissionBreakdowns.Basis.DECISION, event.recordedDate());
            count(member, AdmissionBreakdowns.Basis.DECISION, member.personId(), event.correctedDate(),
                    event.correctedDate(), recordedAt);
            member.ceremonyHeld().ifPresent(held -> {
                uncount(member, AdmissionBreakdowns.Basis.CEREMONY, event.recordedDate());
                count(member, AdmissionBreakdowns.Basis.CEREMONY, member.personId(), held, event.correctedDate(),
                        recordedAt);
            });
            members.replace(member.document());
        });
    }

    /** An imported probationary member's recognition counts under the branch the file put the member on. */
    @EventHandler
    void on(MemberImported event) {
        placed(event.memberId(), event.homeOrgId());
        personOf(event.memberId(), event.personId());
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
        changed(event.orgId(), event.year());
    }

    /**
     * The year's figures of the organisation as the tree stood at the end of the year, and of each organisation
     * directly under it; empty when the organisation was not founded by then.
     */
    @QueryHandler
    Optional<RecruitmentDashboard> handle(FindRecruitmentDashboard query) {
        LocalDate yearEnd = LocalDate.of(query.year(), 12, 31);
        AdmissionBreakdowns.Basis basis = query.byCeremony() ? AdmissionBreakdowns.Basis.CEREMONY
                : AdmissionBreakdowns.Basis.DECISION;
        return tree.apply(new FindOrganisationTree(query.orgId(), yearEnd)).map(root -> {
            List<Map<BreakdownDimension, Map<String, Integer>>> under = new ArrayList<>();
            root.children().forEach(child -> under.add(breakdowns.counts(basis, branchesUnder(child), query.year())));
            List<Breakdown> shown = suppression.apply(
                    breakdowns.counts(basis, branchesUnder(root), query.year()), under);
            List<RecruitmentDashboard.Figures> subOrganisations = new ArrayList<>();
            for (int child = 0; child < root.children().size(); child++) {
                subOrganisations.add(figures(root.children().get(child), query, shown.get(child + 1)));
            }
            return new RecruitmentDashboard(query.year(), query.byCeremony(), figures(root, query, shown.get(0)),
                    subOrganisations);
        });
    }

    private RecruitmentDashboard.Figures figures(OrganisationTree organisation, FindRecruitmentDashboard query,
                                                 Breakdown breakdown) {
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
                    openingMembers, admitted, null, funnel, breakdown);
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
                openingMembers, admitted, achieved, funnel, breakdown);
    }

    private static Set<String> branchesUnder(OrganisationTree organisation) {
        Set<String> ids = new HashSet<>();
        ids.add(organisation.orgId());
        organisation.children().forEach(child -> ids.addAll(branchesUnder(child)));
        return ids;
    }

    private void placed(String memberId, String branchId) {
        RecruitedMember member = member(memberId);
        member.placeIn(branchId);
        members.replace(member.document());
    }

    private void personOf(String memberId, String personId) {
        RecruitedMember member = member(memberId);
        member.personIs(personId);
        members.replace(member.document());
    }

    private RecruitedMember member(String memberId) {
        return members.find(memberId).map(RecruitedMember::new).orElseGet(() -> RecruitedMember.empty(memberId));
    }

    /** Records the step; the member, empty for a member the projection never placed. */
    private Optional<RecruitedMember> taken(String memberId, RecruitmentStep step, LocalDate on) {
        Optional<RecruitedMember> member = members.find(memberId).map(RecruitedMember::new);
        String branchId = member.map(RecruitedMember::branchId).orElse(null);
        stepChanges.updateOne(Filters.eq("_id", stepId(memberId, step, on)),
                new Document("$setOnInsert", new Document("memberId", memberId).append(STEP, step.name())
                        .append(ON, on.toString()).append(BRANCH, branchId)),
                new UpdateOptions().upsert(true));
        changed(branchId, on.getYear());
        return member;
    }

    /**
     * Counts the member's admission decided on {@code decidedOn} under the member's branch, and keeps where, on the
     * member; sent again when the event is, as counting it again changes nothing.
     */
    private void count(RecruitedMember member, AdmissionBreakdowns.Basis basis, String personId, LocalDate countedOn,
                       LocalDate decidedOn, Instant recordedAt) {
        String admission = admission(member.memberId(), decidedOn);
        member.counted(basis, admission, breakdowns.count(basis, admission, personId, member.branchId(), countedOn,
                decidedOn, recordedAt));
    }

    /** Takes back the member's admission decided on {@code decidedOn} from where it was counted, if it was. */
    private void uncount(RecruitedMember member, AdmissionBreakdowns.Basis basis, LocalDate decidedOn) {
        String admission = admission(member.memberId(), decidedOn);
        member.countedAt(basis, admission).ifPresent(counted -> {
            breakdowns.uncount(counted, admission);
            member.uncounted(basis, admission);
        });
    }

    private static String admission(String memberId, LocalDate decidedOn) {
        return memberId + ":" + decidedOn;
    }

    private static String stepId(String memberId, RecruitmentStep step, LocalDate on) {
        return memberId + ":" + step + ":" + on;
    }

    /**
     * Tells the live dashboards of the year that a figure under {@code orgId} may have changed: each reads its
     * dashboard again (ADR 0039). Which dashboards cover the organisation is theirs to find on re-reading, so every
     * dashboard of the year is told.
     */
    private void changed(String orgId, int year) {
        liveDashboards.emit(FindRecruitmentDashboard.class, query -> query.year() == year,
                new RecruitmentChanged(orgId, year));
    }
}

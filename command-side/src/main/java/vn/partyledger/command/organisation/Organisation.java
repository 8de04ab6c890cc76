package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.organisation.ChangeOrganisationFlags;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.DissolveOrganisation;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.GradeOrganisation;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationGraded;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationReparented;
import vn.partyledger.domain.organisation.OrganisationRoleChanged;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.organisation.RecordLeadershipElection;
import vn.partyledger.domain.organisation.RecruitmentTargetSet;
import vn.partyledger.domain.organisation.RenameOrganisation;
import vn.partyledger.domain.organisation.ReparentOrganisation;
import vn.partyledger.domain.organisation.SetRecruitmentTarget;
import vn.partyledger.domain.organisation.TargetMode;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A party organisation: a node of the tree, founded, changed and closed by decisions. Name, parent and flags keep
 * their history by effective date, so the tree can be read as it stood on any day (docs/rules.md#s3-5).
 */
public class Organisation {

    /** Charter Art. 21.2: an organisation may be formed where there are at least three full members. */
    static final int MIN_FOUNDING_FULL_MEMBERS = 3;

    @AggregateIdentifier
    private String orgId;
    private OrganisationKind kind;
    private LocalDate establishedOn;
    private LocalDate dissolvedOn;
    private Timeline<String> names = Timeline.empty();
    private Timeline<String> parents = Timeline.empty();
    private Timeline<OrganisationFlags> flags = Timeline.empty();
    private final Set<Integer> gradedYears = new HashSet<>();
    /** The home members on the roll and their status: what I2's collective transfers and vote counts rely on. */
    private final Map<String, MemberStatus> roll = new HashMap<>();
    /** Each member's standing on the roll over time (null from the day they left), for votes keyed in late. */
    private final Map<String, Timeline<MemberStatus>> rollHistory = new HashMap<>();

    protected Organisation() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Organisation(EstablishOrganisation command, OrganisationRegistry registry) {
        parentMustExistOnTheEffectiveDate(command, registry);
        onlyBranchesHaveABranchType(command);
        boolean belowMinimum = command.kind().needsFoundingMembers()
                && command.foundingFullMembers() < MIN_FOUNDING_FULL_MEMBERS;
        foundingBelowThreeFullMembersNeedsADecision(command, belowMinimum);
        apply(new OrganisationEstablished(command.orgId(), command.name(), command.kind(), command.branchType(),
                command.parentOrgId(), command.adminUnitCode(), command.flags(), command.foundingFullMembers(),
                belowMinimum, command.effectiveDate()));
    }

    private static void parentMustExistOnTheEffectiveDate(EstablishOrganisation command, OrganisationRegistry registry) {
        if (command.parentOrgId() == null) {
            if (command.kind() != OrganisationKind.CENTRAL && command.kind() != OrganisationKind.PROVINCIAL) {
                throw new RuleViolation(Invariant.I1, "parentMustExistOnTheEffectiveDate",
                        "Only a central or provincial organisation may be established without a parent organisation.");
            }
            return;
        }
        boolean parentActive = registry.find(command.parentOrgId())
                .filter(parent -> parent.activeOn(command.effectiveDate()))
                .isPresent();
        if (!parentActive) {
            throw new RuleViolation(Invariant.I1, "parentMustExistOnTheEffectiveDate",
                    "The parent organisation " + command.parentOrgId() + " does not exist on "
                            + command.effectiveDate() + ", so nothing can be established under it.");
        }
    }

    private static void onlyBranchesHaveABranchType(EstablishOrganisation command) {
        if (command.kind().isBranch() != (command.branchType() != null)) {
            throw new RuleViolation(Invariant.BRANCH_TYPE, "onlyBranchesHaveABranchType",
                    "A branch needs a branch type and any other kind of organisation must not have one.");
        }
    }

    private static void foundingBelowThreeFullMembersNeedsADecision(EstablishOrganisation command,
                                                                    boolean belowMinimum) {
        if (belowMinimum && command.decision() == null) {
            throw new RuleViolation(Invariant.I1, "foundingBelowThreeFullMembersNeedsADecision",
                    "An organisation founded with fewer than " + MIN_FOUNDING_FULL_MEMBERS
                            + " full members needs the superior committee's decision reference.");
        }
    }

    /** Puts a member on this organisation's roll; called by a member command in the same unit of work. */
    public void enrol(String memberId, MemberStatus status, LocalDate effectiveDate) {
        memberBelongsToABranchThatExistsOnTheBusinessDate(effectiveDate);
        if (status.equals(roll.get(memberId))) {
            return;
        }
        apply(new MemberEnrolled(orgId, memberId, status, effectiveDate));
    }

    private void memberBelongsToABranchThatExistsOnTheBusinessDate(LocalDate date) {
        if (!kind.isBranch() || !registration().activeOn(date)) {
            throw new RuleViolation(Invariant.I27, "memberBelongsToABranchThatExistsOnTheBusinessDate",
                    "Organisation " + orgId + " is not a branch that exists on " + date
                            + ", so no member can be put on its roll.");
        }
    }

    RegisteredOrganisation registration() {
        return new RegisteredOrganisation(orgId, kind, establishedOn, dissolvedOn, fullMembersOverTime(), names,
                parents, flags);
    }

    /**
     * The count of full members on every date it changed: one pass over each member's standing, adding one where a
     * member becomes full and taking one away where they stop being full, then a running sum in date order.
     */
    private Timeline<Integer> fullMembersOverTime() {
        NavigableMap<LocalDate, Integer> changes = new TreeMap<>();
        for (Timeline<MemberStatus> standing : rollHistory.values()) {
            boolean wasFull = false;
            for (LocalDate date : standing.changeDates()) {
                boolean full = standing.on(date).filter(MemberStatus.FULL::equals).isPresent();
                if (full != wasFull) {
                    changes.merge(date, full ? 1 : -1, Integer::sum);
                    wasFull = full;
                }
            }
        }
        NavigableMap<LocalDate, Integer> counts = new TreeMap<>();
        int count = 0;
        for (Map.Entry<LocalDate, Integer> change : changes.entrySet()) {
            count += change.getValue();
            counts.put(change.getKey(), count);
        }
        return Timeline.of(counts);
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        roll.put(event.memberId(), event.status());
        rollHistory.merge(event.memberId(), Timeline.<MemberStatus>empty().with(event.effectiveDate(), event.status()),
                (history, ignored) -> history.with(event.effectiveDate(), event.status()));
    }

    @EventSourcingHandler
    void on(OrganisationEstablished event) {
        orgId = event.orgId();
        kind = event.kind();
        establishedOn = event.effectiveDate();
        names = names.with(event.effectiveDate(), event.name());
        if (event.parentOrgId() != null) {
            parents = parents.with(event.effectiveDate(), event.parentOrgId());
        }
        flags = flags.with(event.effectiveDate(), event.flags() == null ? OrganisationFlags.NONE : event.flags());
    }

    @EventSourcingHandler
    void on(OrganisationRenamed event) {
        names = names.with(event.effectiveDate(), event.newName());
    }

    @EventSourcingHandler
    void on(OrganisationReparented event) {
        parents = parents.with(event.effectiveDate(), event.newParentOrgId());
    }

    @EventSourcingHandler
    void on(OrganisationRoleChanged event) {
        flags = flags.with(event.effectiveDate(), event.flags());
    }

    @EventSourcingHandler
    void on(OrganisationGraded event) {
        gradedYears.add(event.year());
    }

    @EventSourcingHandler
    void on(MemberReleased event) {
        roll.remove(event.memberId());
        rollHistory.computeIfPresent(event.memberId(), (memberId, history) -> history.with(event.effectiveDate(), null));
    }

    @EventSourcingHandler
    void on(OrganisationDissolved event) {
        dissolvedOn = event.effectiveDate();
    }

    // ---- Changes over time: every change is a decision effective on a date within the organisation's lifetime ----

    @CommandHandler
    public void handle(RenameOrganisation command) {
        everyChangeIsADecision(command.decision());
        anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        apply(new OrganisationRenamed(orgId, command.newName(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(ReparentOrganisation command, OrganisationRegistry registry) {
        everyChangeIsADecision(command.decision());
        anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        newParentMustExistOnTheEffectiveDate(command, registry);
        anOrganisationIsNeverItsOwnAncestor(command, registry);
        apply(new OrganisationReparented(orgId, parents.on(command.effectiveDate()).orElse(null),
                command.newParentOrgId(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(ChangeOrganisationFlags command) {
        everyChangeIsADecision(command.decision());
        anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        apply(new OrganisationRoleChanged(orgId, command.flags(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(DissolveOrganisation command, OrganisationRegistry registry) {
        everyChangeIsADecision(command.decision());
        anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        successorMustExistOnTheEffectiveDate(command, registry);
        dissolve(command.reason(), command.successorOrgId(), command.effectiveDate());
    }

    @CommandHandler
    public void handle(RecordLeadershipElection command) {
        everyChangeIsADecision(command.decision());
        anOrganisationChangesOnlyWhileItExists(command.termStart());
        leadersAreFullMembersOnTheBranchRoll(command);
        apply(new BranchLeadershipElected(orgId, command.termStart(), command.secretaryMemberId(),
                List.copyOf(command.deputyMemberIds()), List.copyOf(command.committeeMemberIds())));
    }

    @CommandHandler
    public void handle(SetRecruitmentTarget command) {
        everyChangeIsADecision(command.decision());
        LocalDate setOn = command.decision().docDate();
        anOrganisationChangesOnlyWhileItExists(setOn);
        recruitmentTargetIsSetByTheDirectSuperior(command, setOn);
        targetValueFitsItsMode(command);
        apply(new RecruitmentTargetSet(orgId, command.year(), command.mode(), command.value(), command.setByOrgId(),
                setOn));
    }

    @CommandHandler
    public void handle(GradeOrganisation command) {
        everyChangeIsADecision(command.decision());
        anOrganisationIsGradedOnlyForAYearItExisted(command.year());
        anOrganisationIsGradedOncePerYear(command.year());
        apply(new OrganisationGraded(orgId, command.year(), command.grade()));
    }

    private static void everyChangeIsADecision(DecisionRef decision) {
        if (decision == null) {
            throw new RuleViolation(Invariant.DECISION, "everyChangeIsADecision",
                    "A change to an organisation is recorded only with the decision that made it.");
        }
    }

    private void anOrganisationChangesOnlyWhileItExists(LocalDate effectiveDate) {
        if (!registration().activeOn(effectiveDate)) {
            throw new RuleViolation(Invariant.ORGANISATION_LIFETIME, "anOrganisationChangesOnlyWhileItExists",
                    "Organisation " + orgId + " exists from " + establishedOn
                            + (dissolvedOn == null ? "" : " until the day before " + dissolvedOn)
                            + ", so nothing about it can take effect on " + effectiveDate + ".");
        }
    }

    private static void newParentMustExistOnTheEffectiveDate(ReparentOrganisation command,
                                                             OrganisationRegistry registry) {
        boolean parentActive = registry.find(command.newParentOrgId())
                .filter(parent -> parent.activeOn(command.effectiveDate()))
                .isPresent();
        if (!parentActive) {
            throw new RuleViolation(Invariant.I1, "parentMustExistOnTheEffectiveDate",
                    "The new parent organisation " + command.newParentOrgId() + " does not exist on "
                            + command.effectiveDate() + ", so nothing can be placed under it.");
        }
    }

    /** Walks up from the new parent as the tree stands on the effective date; a cycle would never reach the top. */
    private void anOrganisationIsNeverItsOwnAncestor(ReparentOrganisation command, OrganisationRegistry registry) {
        if (registry.isSelfOrAncestor(orgId, command.newParentOrgId(), command.effectiveDate())) {
            throw new RuleViolation(Invariant.I1, "anOrganisationIsNeverItsOwnAncestor",
                    "Organisation " + orgId + " cannot be placed under " + command.newParentOrgId()
                            + ", which is itself below " + orgId + " on " + command.effectiveDate() + ".");
        }
    }

    private void successorMustExistOnTheEffectiveDate(DissolveOrganisation command, OrganisationRegistry registry) {
        if (command.successorOrgId() == null) {
            return;
        }
        boolean successorActive = !command.successorOrgId().equals(orgId)
                && registry.find(command.successorOrgId())
                .filter(successor -> successor.activeOn(command.effectiveDate()))
                .isPresent();
        if (!successorActive) {
            throw new RuleViolation(Invariant.I2, "successorMustExistOnTheEffectiveDate",
                    "The successor " + command.successorOrgId() + " must be another organisation that exists on "
                            + command.effectiveDate() + ".");
        }
    }

    private void leadersAreFullMembersOnTheBranchRoll(RecordLeadershipElection command) {
        List<String> notFull = Stream.of(List.of(command.secretaryMemberId()), command.deputyMemberIds(),
                        command.committeeMemberIds())
                .flatMap(List::stream)
                .filter(memberId -> roll.get(memberId) != MemberStatus.FULL)
                .distinct()
                .toList();
        if (!notFull.isEmpty()) {
            throw new RuleViolation(Invariant.LEADERSHIP, "leadersAreFullMembersOnTheBranchRoll",
                    "Only full members on the roll of branch " + orgId + " elect and are elected; " + notFull
                            + " are not.");
        }
    }

    private void recruitmentTargetIsSetByTheDirectSuperior(SetRecruitmentTarget command, LocalDate setOn) {
        Optional<String> superior = parents.on(setOn);
        if (!superior.map(command.setByOrgId()::equals).orElse(false)) {
            throw new RuleViolation(Invariant.RECRUITMENT_TARGET, "recruitmentTargetIsSetByTheDirectSuperior",
                    "The admission target of " + orgId + " is set by its superior "
                            + superior.orElse("(none)") + " on " + setOn + ", not by " + command.setByOrgId() + ".");
        }
    }

    private static void targetValueFitsItsMode(SetRecruitmentTarget command) {
        BigDecimal value = command.value();
        boolean fits = value.signum() > 0 && (command.mode() == TargetMode.ABSOLUTE
                ? value.stripTrailingZeros().scale() <= 0
                : value.compareTo(BigDecimal.valueOf(100)) <= 0);
        if (!fits) {
            throw new RuleViolation(Invariant.RECRUITMENT_TARGET, "targetValueFitsItsMode",
                    "An absolute target is a positive whole number of admissions and a percentage target lies "
                            + "above 0 and at most 100; " + value + " does not fit " + command.mode() + ".");
        }
    }

    private void anOrganisationIsGradedOnlyForAYearItExisted(int year) {
        boolean existed = establishedOn.getYear() <= year && (dissolvedOn == null || dissolvedOn.getYear() >= year);
        if (!existed) {
            throw new RuleViolation(Invariant.ORGANISATION_LIFETIME, "anOrganisationIsGradedOnlyForAYearItExisted",
                    "Organisation " + orgId + " did not exist in " + year + ", so it cannot be graded for it.");
        }
    }

    private void anOrganisationIsGradedOncePerYear(int year) {
        if (gradedYears.contains(year)) {
            throw new RuleViolation(Invariant.ORGANISATION_GRADE, "anOrganisationIsGradedOncePerYear",
                    "Organisation " + orgId + " already has a grade for " + year + "; it is graded once a year.");
        }
    }

    private void dissolve(DissolutionReason reason, String successorOrgId, LocalDate effectiveDate) {
        dissolutionLeavesNoMemberWithoutAHome(effectiveDate);
        apply(new OrganisationDissolved(orgId, reason, successorOrgId, effectiveDate));
    }

    private void dissolutionLeavesNoMemberWithoutAHome(LocalDate effectiveDate) {
        if (!roll.isEmpty()) {
            throw new RuleViolation(Invariant.I2, "dissolutionLeavesNoMemberWithoutAHome",
                    "Organisation " + orgId + " still has " + roll.size() + " members on its roll on "
                            + effectiveDate + "; merge or split it so each of them gets a new home first.");
        }
    }

    // ---- Merge and split (I2): called by OrganisationRestructuring, which moves each member in the same unit of work ----

    /** The members to move, once this organisation is known to exist on the restructuring's date. */
    public Map<String, MemberStatus> rollForRestructuring(LocalDate effectiveDate) {
        anOrganisationChangesOnlyWhileItExists(effectiveDate);
        return Map.copyOf(roll);
    }

    /** Records that the sources merge into this organisation, which must be able to take all their members. */
    public void absorb(List<String> sourceOrgIds, int incomingMembers, LocalDate effectiveDate) {
        anOrganisationIsNotMergedIntoItself(sourceOrgIds);
        everyTransferredMemberFindsAHome(incomingMembers, effectiveDate);
        apply(new OrganisationsMerged(orgId, List.copyOf(sourceOrgIds), effectiveDate));
    }

    /** Checks, before any member moves, that this split target can take the members allocated to it. */
    public void receiveCollectively(int incomingMembers, LocalDate effectiveDate) {
        everyTransferredMemberFindsAHome(incomingMembers, effectiveDate);
    }

    /** Records the split once the allocation gives every member on the roll exactly one other home. */
    public void split(List<MemberAllocation> allocation, LocalDate effectiveDate) {
        anOrganisationChangesOnlyWhileItExists(effectiveDate);
        splitAllocatesEveryMemberOnTheRollExactlyOnce(allocation);
        apply(new OrganisationSplit(orgId, List.copyOf(allocation), effectiveDate));
    }

    /** Takes a member off the roll (moved, struck off); called by a member command in the same unit of work. */
    public void release(String memberId, LocalDate effectiveDate) {
        onlyAMemberOnTheRollIsReleased(memberId);
        apply(new MemberReleased(orgId, memberId, effectiveDate));
    }

    private void onlyAMemberOnTheRollIsReleased(String memberId) {
        if (!roll.containsKey(memberId)) {
            throw new RuleViolation(Invariant.I2, "onlyAMemberOnTheRollIsReleased",
                    "Member " + memberId + " is not on the roll of " + orgId + ", so they cannot leave it.");
        }
    }

    /** Dissolves the organisation once every member has moved; the successor is null after a split. */
    public void closeAfterRestructuring(String successorOrgId, LocalDate effectiveDate) {
        dissolve(DissolutionReason.ADMINISTRATIVE, successorOrgId, effectiveDate);
    }

    private void anOrganisationIsNotMergedIntoItself(List<String> sourceOrgIds) {
        if (sourceOrgIds.isEmpty() || sourceOrgIds.contains(orgId)) {
            throw new RuleViolation(Invariant.I2, "anOrganisationIsNotMergedIntoItself",
                    "A merge names at least one source other than its target " + orgId + "; it named "
                            + sourceOrgIds + ".");
        }
    }

    private void everyTransferredMemberFindsAHome(int incomingMembers, LocalDate effectiveDate) {
        boolean canTakeThem = registration().activeOn(effectiveDate) && (incomingMembers == 0 || kind.isBranch());
        if (!canTakeThem) {
            throw new RuleViolation(Invariant.I2, "everyTransferredMemberFindsAHome",
                    "Organisation " + orgId + " is not a branch that exists on " + effectiveDate + ", so the "
                            + incomingMembers + " members transferred to it would be left without a home.");
        }
    }

    private void splitAllocatesEveryMemberOnTheRollExactlyOnce(List<MemberAllocation> allocation) {
        List<String> allocated = allocation.stream().map(MemberAllocation::memberId).toList();
        Set<String> withoutHome = new HashSet<>(roll.keySet());
        allocated.forEach(withoutHome::remove);
        List<String> notOnRoll = allocated.stream().filter(memberId -> !roll.containsKey(memberId)).toList();
        List<String> twiceOrToSource = new ArrayList<>(allocation.stream()
                .filter(line -> line.targetOrgId().equals(orgId)).map(MemberAllocation::memberId).toList());
        allocated.stream().filter(memberId -> allocated.indexOf(memberId) != allocated.lastIndexOf(memberId))
                .distinct().forEach(twiceOrToSource::add);
        if (!withoutHome.isEmpty() || !notOnRoll.isEmpty() || !twiceOrToSource.isEmpty()) {
            throw new RuleViolation(Invariant.I2, "splitAllocatesEveryMemberOnTheRollExactlyOnce",
                    "A split of " + orgId + " gives each of its " + roll.size() + " members exactly one new home; "
                            + "without a home: " + withoutHome.stream().sorted().toList()
                            + ", not on the roll: " + notOnRoll + ", allocated twice or to the source: "
                            + twiceOrToSource + ".");
        }
    }
}

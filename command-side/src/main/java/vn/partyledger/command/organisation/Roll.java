package vn.partyledger.command.organisation;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The home members on a branch's roll today and their status. Members join and leave it only in the unit of work of
 * the member command that moves them (docs/rules.md#I27), and a merge, split or dissolution leaves every one of them
 * with exactly one home (docs/rules.md#I2, docs/rules.md#s9-3).
 */
final class Roll implements Leadership.FullMembersOnRoll {

    private final Lifetime lifetime;
    private final Map<String, MemberStatus> members = new HashMap<>();

    Roll(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** Puts a member on the roll with that status; a member already standing so stays as they are. */
    void enrol(String memberId, MemberStatus status, LocalDate effectiveDate) {
        memberBelongsToABranchThatExistsOnTheBusinessDate(effectiveDate);
        if (status.equals(members.get(memberId))) {
            return;
        }
        apply(new MemberEnrolled(lifetime.orgId(), memberId, status, effectiveDate));
    }

    void release(String memberId, LocalDate effectiveDate) {
        onlyAMemberOnTheRollIsReleased(memberId);
        apply(new MemberReleased(lifetime.orgId(), memberId, effectiveDate));
    }

    @Override
    public boolean isFullMember(String memberId) {
        return members.get(memberId) == MemberStatus.FULL;
    }

    /** The members to move, once the organisation is known to exist on the restructuring's date. */
    Map<String, MemberStatus> forRestructuring(LocalDate effectiveDate) {
        lifetime.anOrganisationChangesOnlyWhileItExists(effectiveDate);
        return Map.copyOf(members);
    }

    /** Records that the sources merge into this organisation, which must be able to take all their members. */
    void absorb(List<String> sourceOrgIds, int incomingMembers, LocalDate effectiveDate) {
        anOrganisationIsNotMergedIntoItself(sourceOrgIds);
        everyTransferredMemberFindsAHome(incomingMembers, effectiveDate);
        apply(new OrganisationsMerged(lifetime.orgId(), List.copyOf(sourceOrgIds), effectiveDate));
    }

    /** Checks, before any member moves, that this split target can take the members allocated to it. */
    void receiveCollectively(int incomingMembers, LocalDate effectiveDate) {
        everyTransferredMemberFindsAHome(incomingMembers, effectiveDate);
    }

    /** Records the split once the allocation gives every member on the roll exactly one other home. */
    void split(List<MemberAllocation> allocation, LocalDate effectiveDate) {
        lifetime.anOrganisationChangesOnlyWhileItExists(effectiveDate);
        splitAllocatesEveryMemberOnTheRollExactlyOnce(allocation);
        apply(new OrganisationSplit(lifetime.orgId(), List.copyOf(allocation), effectiveDate));
    }

    private void memberBelongsToABranchThatExistsOnTheBusinessDate(LocalDate date) {
        if (!lifetime.isBranchOn(date)) {
            throw new RuleViolation(Invariant.I27, "memberBelongsToABranchThatExistsOnTheBusinessDate",
                    "Organisation " + lifetime.orgId() + " is not a branch that exists on " + date
                            + ", so no member can be put on its roll.");
        }
    }

    private void onlyAMemberOnTheRollIsReleased(String memberId) {
        if (!members.containsKey(memberId)) {
            throw new RuleViolation(Invariant.I2, "onlyAMemberOnTheRollIsReleased",
                    "Member " + memberId + " is not on the roll of " + lifetime.orgId()
                            + ", so they cannot leave it.");
        }
    }

    void dissolutionLeavesNoMemberWithoutAHome(LocalDate effectiveDate) {
        if (!members.isEmpty()) {
            throw new RuleViolation(Invariant.I2, "dissolutionLeavesNoMemberWithoutAHome",
                    "Organisation " + lifetime.orgId() + " still has " + members.size() + " members on its roll on "
                            + effectiveDate + "; merge or split it so each of them gets a new home first.");
        }
    }

    private void anOrganisationIsNotMergedIntoItself(List<String> sourceOrgIds) {
        if (sourceOrgIds.isEmpty() || sourceOrgIds.contains(lifetime.orgId())) {
            throw new RuleViolation(Invariant.I2, "anOrganisationIsNotMergedIntoItself",
                    "A merge names at least one source other than its target " + lifetime.orgId() + "; it named "
                            + sourceOrgIds + ".");
        }
    }

    /** Only a branch that exists on the date has a roll to take members onto. */
    private void everyTransferredMemberFindsAHome(int incomingMembers, LocalDate effectiveDate) {
        boolean canTakeThem = lifetime.isBranchOn(effectiveDate)
                || (incomingMembers == 0 && lifetime.activeOn(effectiveDate));
        if (!canTakeThem) {
            throw new RuleViolation(Invariant.I2, "everyTransferredMemberFindsAHome",
                    "Organisation " + lifetime.orgId() + " is not a branch that exists on " + effectiveDate
                            + ", so the " + incomingMembers + " members transferred to it would be left without a home.");
        }
    }

    private void splitAllocatesEveryMemberOnTheRollExactlyOnce(List<MemberAllocation> allocation) {
        String orgId = lifetime.orgId();
        List<String> allocated = allocation.stream().map(MemberAllocation::memberId).toList();
        Set<String> withoutHome = new HashSet<>(members.keySet());
        allocated.forEach(withoutHome::remove);
        List<String> notOnRoll = allocated.stream().filter(memberId -> !members.containsKey(memberId)).toList();
        List<String> twiceOrToSource = new ArrayList<>(allocation.stream()
                .filter(line -> line.targetOrgId().equals(orgId)).map(MemberAllocation::memberId).toList());
        allocated.stream().filter(memberId -> allocated.indexOf(memberId) != allocated.lastIndexOf(memberId))
                .distinct().forEach(twiceOrToSource::add);
        if (!withoutHome.isEmpty() || !notOnRoll.isEmpty() || !twiceOrToSource.isEmpty()) {
            throw new RuleViolation(Invariant.I2, "splitAllocatesEveryMemberOnTheRollExactlyOnce",
                    "A split of " + orgId + " gives each of its " + members.size() + " members exactly one new home; "
                            + "without a home: " + withoutHome.stream().sorted().toList()
                            + ", not on the roll: " + notOnRoll + ", allocated twice or to the source: "
                            + twiceOrToSource + ".");
        }
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        members.put(event.memberId(), event.status());
    }

    @EventSourcingHandler
    void on(MemberReleased event) {
        members.remove(event.memberId());
    }
}

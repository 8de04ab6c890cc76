package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.DissolveOrganisation;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A party organisation: a node of the tree, founded, changed and closed by decisions (docs/rules.md#s3-5). The root
 * founds and dissolves it and lets the restructuring and member commands reach its roll; each part owns its own state
 * and handles its own commands and events, reading the others only through narrow views:
 * <ul>
 *     <li>{@link Lifetime}: its kind and when it exists, which every other part asks;</li>
 *     <li>{@link PlaceInTheTree}: its name, parent and flags by effective date (rename, re-parent, change flags);</li>
 *     <li>{@link Roll}: the members on its roll today, and {@link RollOverTime}: their standing on any date;</li>
 *     <li>{@link Leadership}, {@link RecruitmentTargets}, {@link Grading}: the branch's elected leaders, the admission
 *     targets its superior sets and its yearly grades.</li>
 * </ul>
 */
public class Organisation {

    @AggregateIdentifier
    private String orgId;
    @AggregateMember
    private final Lifetime lifetime = new Lifetime();
    @AggregateMember
    private final PlaceInTheTree placeInTheTree = new PlaceInTheTree(lifetime);
    @AggregateMember
    private final Roll roll = new Roll(lifetime);
    @AggregateMember
    private final RollOverTime rollOverTime = new RollOverTime();
    @AggregateMember
    private final Leadership leadership = new Leadership(lifetime, roll);
    @AggregateMember
    private final RecruitmentTargets recruitmentTargets = new RecruitmentTargets(lifetime, placeInTheTree);
    @AggregateMember
    private final Grading grading = new Grading(lifetime);

    protected Organisation() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Organisation(EstablishOrganisation command, OrganisationRegistry registry, Today today) {
        apply(Founding.established(command, registry, today));
    }

    @CommandHandler
    public void handle(DissolveOrganisation command, OrganisationRegistry registry, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.changeHasTakenEffect("dissolution", command.effectiveDate(), command.decision());
        lifetime.anOrganisationChangesOnlyWhileItExists(command.effectiveDate());
        successorMustExistOnTheEffectiveDate(command, registry);
        dissolve(command.reason(), command.successorOrgId(), command.effectiveDate());
    }

    /** What other aggregates may know of this organisation, as it stood on any date. */
    public RegisteredOrganisation registration() {
        return lifetime.registration(rollOverTime.fullMembers(), leadership.inOffice(), placeInTheTree);
    }

    /** Puts a member on this branch's roll; called by a process (command/process) in the member's unit of work. */
    public void enrol(String memberId, MemberStatus status, LocalDate effectiveDate) {
        roll.enrol(memberId, status, effectiveDate);
    }

    /** Takes a member off the roll (moved, struck off); called by a process in the member's unit of work. */
    public void release(String memberId, LocalDate effectiveDate) {
        roll.release(memberId, effectiveDate);
    }

    // ---- Merge and split (I2): called by OrganisationRestructuring, which moves each member in the same unit of work ----

    public Map<String, MemberStatus> rollForRestructuring(LocalDate effectiveDate) {
        return roll.forRestructuring(effectiveDate);
    }

    public void absorb(List<String> sourceOrgIds, int incomingMembers, LocalDate effectiveDate) {
        roll.absorb(sourceOrgIds, incomingMembers, effectiveDate);
    }

    public void receiveCollectively(int incomingMembers, LocalDate effectiveDate) {
        roll.receiveCollectively(incomingMembers, effectiveDate);
    }

    public void split(List<MemberAllocation> allocation, LocalDate effectiveDate) {
        roll.split(allocation, effectiveDate);
    }

    /** Dissolves the organisation once every member has moved; the successor is null after a split. */
    public void closeAfterRestructuring(String successorOrgId, LocalDate effectiveDate) {
        dissolve(DissolutionReason.ADMINISTRATIVE, successorOrgId, effectiveDate);
    }

    private void dissolve(DissolutionReason reason, String successorOrgId, LocalDate effectiveDate) {
        roll.dissolutionLeavesNoMemberWithoutAHome(effectiveDate);
        apply(new OrganisationDissolved(orgId, reason, successorOrgId, effectiveDate));
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

    @EventSourcingHandler
    void on(OrganisationEstablished event) {
        orgId = event.orgId();
    }
}

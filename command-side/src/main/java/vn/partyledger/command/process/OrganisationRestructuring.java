package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MergeOrganisations;
import vn.partyledger.domain.organisation.SplitOrganisation;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Merges and splits (I2): one decision that changes several organisations and every member on their rolls. It loads
 * them all in one unit of work, lets each aggregate check its own rules, then moves each member (collective transfer,
 * release from the source's roll, enrolment on the target's) and dissolves the sources, so everything is appended
 * together or nothing is (ADR 0004, ADR 0005).
 */
public record OrganisationRestructuring(Records<Organisation> organisations, Records<Member> members) {

    @CommandHandler
    public void handle(MergeOrganisations command, Today today) {
        LocalDate date = command.effectiveDate();
        today.changeHasTakenEffect("merge", date, command.decision());
        Aggregate<Organisation> target = load(command.targetOrgId());
        Map<String, Aggregate<Organisation>> sources = new LinkedHashMap<>();
        command.sourceOrgIds().forEach(sourceId -> sources.put(sourceId, load(sourceId)));
        Map<String, Map<String, MemberStatus>> rolls = new LinkedHashMap<>();
        sources.forEach((sourceId, source) -> rolls.put(sourceId,
                source.invoke(organisation -> organisation.rollForRestructuring(date))));
        int incoming = rolls.values().stream().mapToInt(Map::size).sum();
        target.execute(organisation -> organisation.absorb(command.sourceOrgIds(), incoming, date));
        sources.forEach((sourceId, source) -> {
            rolls.get(sourceId).forEach((memberId, status) -> move(memberId, status, source, target, date));
            source.execute(organisation -> organisation.closeAfterRestructuring(command.targetOrgId(), date));
        });
    }

    @CommandHandler
    public void handle(SplitOrganisation command, Today today) {
        LocalDate date = command.effectiveDate();
        today.changeHasTakenEffect("split", date, command.decision());
        Aggregate<Organisation> source = load(command.sourceOrgId());
        Map<String, MemberStatus> roll = source.invoke(organisation -> organisation.rollForRestructuring(date));
        source.execute(organisation -> organisation.split(command.allocation(), date));
        Map<String, Long> incoming = command.allocation().stream()
                .collect(Collectors.groupingBy(MemberAllocation::targetOrgId, LinkedHashMap::new,
                        Collectors.counting()));
        Map<String, Aggregate<Organisation>> targets = new LinkedHashMap<>();
        incoming.forEach((targetId, count) -> {
            Aggregate<Organisation> target = load(targetId);
            target.execute(organisation -> organisation.receiveCollectively(count.intValue(), date));
            targets.put(targetId, target);
        });
        for (MemberAllocation line : command.allocation()) {
            move(line.memberId(), roll.get(line.memberId()), source, targets.get(line.targetOrgId()), date);
        }
        source.execute(organisation -> organisation.closeAfterRestructuring(null, date));
    }

    private void move(String memberId, MemberStatus status, Aggregate<Organisation> from,
                      Aggregate<Organisation> to, LocalDate date) {
        String fromOrgId = from.identifierAsString();
        String toOrgId = to.identifierAsString();
        collectively(memberId, fromOrgId, toOrgId, date);
        from.execute(organisation -> organisation.release(memberId, date));
        to.execute(organisation -> organisation.enrol(memberId, status, date));
    }

    private Aggregate<Organisation> load(String orgId) {
        try {
            return organisations.load(orgId);
        } catch (AggregateNotFoundException notFound) {
            throw everyTransferredMemberFindsAHome(orgId);
        }
    }

    /** The member's home moves with its organisation (I2): no letter, no deadline, no gap in party age. */
    private void collectively(String memberId, String fromOrgId, String toOrgId, LocalDate date) {
        try {
            members.load(memberId).execute(member -> member.transferCollectively(fromOrgId, toOrgId, date));
        } catch (AggregateNotFoundException notFound) {
            throw collectiveTransferMovesAMemberFromTheirCurrentHome(memberId, fromOrgId);
        }
    }

    private static RuleViolation collectiveTransferMovesAMemberFromTheirCurrentHome(String memberId, String fromOrgId) {
        return new RuleViolation(Invariant.I2, "collectiveTransferMovesAMemberFromTheirCurrentHome",
                "Member " + memberId + " on the roll of " + fromOrgId + " has no record, so cannot be moved.");
    }

    private static RuleViolation everyTransferredMemberFindsAHome(String orgId) {
        return new RuleViolation(Invariant.I2, "everyTransferredMemberFindsAHome",
                "Organisation " + orgId + " does not exist, so no merge or split can involve it.");
    }
}

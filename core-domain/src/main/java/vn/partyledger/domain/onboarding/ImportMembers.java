package vn.partyledger.domain.onboarding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.person.RegisterPerson;

import java.util.List;

/**
 * A batch of one branch's members onboarded together (ADR 0024): the persons not yet in the register, then each
 * member as {@link ImportMember} would import them, all in one unit of work — one append for the batch instead of two
 * per member. Every member's home is the batch's branch, whose board imports them; the branch is the record the
 * command is addressed to, whose roll every member of the batch joins.
 */
public record ImportMembers(@TargetAggregateIdentifier String homeOrgId, List<RegisterPerson> registrations, List<ImportMember> members) {

    public ImportMembers {
        registrations = List.copyOf(registrations);
        members = List.copyOf(members);
    }
}

package vn.partyledger.infra.onboarding;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.onboarding.OnboardingPolicies;
import vn.partyledger.infra.api.PersonCommands;
import vn.partyledger.infra.person.PersonRegisterRefusal;
import vn.partyledger.infra.person.PersonRegisterStore;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a whole file must pass before anything is written: ids once in the file, organisations under a parent
 * the file founded earlier or the ledger holds, members at a home the same way, the person's data as a registration
 * requires it (or a person registered already), a national ID once, and each member's stated history as the record's
 * own rules hold it (ONBOARDING). What only the ledger can tell at the moment of writing is checked again then.
 */
final class FileChecks {

    private final OrganisationRegistry registry;
    private final PersonRegisterStore register;
    private final OnboardingPolicies policies;

    FileChecks(OrganisationRegistry registry, PersonRegisterStore register, OnboardingPolicies policies) {
        this.registry = registry;
        this.register = register;
        this.policies = policies;
    }

    void check(ImportFile.Parsed file, LocalDate today, List<LineRefusal> refusals) {
        Map<String, LocalDate> organisations = new HashMap<>();
        Map<String, Boolean> inLedger = new HashMap<>();
        for (ImportFile.Numbered<OrganisationLine> line : file.organisations()) {
            OrganisationLine organisation = line.value();
            String parent = organisation.establishment().parentOrgId();
            if (organisations.putIfAbsent(organisation.orgId(), organisation.establishment().effectiveDate()) != null) {
                refusals.add(invalid(line.line(), "orgId", "organisation " + organisation.orgId()
                        + " is on an earlier line already"));
            } else if (parent != null && !organisations.containsKey(parent)
                    && !inLedger.computeIfAbsent(parent, this::organisationExists)) {
                refusals.add(invalid(line.line(), "parentOrgId", "parent " + parent + " is neither founded on an "
                        + "earlier line nor in the ledger; list a parent before its children"));
            }
        }
        Map<String, Integer> memberIds = new HashMap<>();
        Map<String, Integer> personIds = new HashMap<>();
        Map<String, Integer> nationalIds = new HashMap<>();
        for (ImportFile.Numbered<MemberLine> line : file.members()) {
            MemberLine member = line.value();
            once(memberIds, member.memberId(), line.line(), "memberId", refusals);
            once(personIds, member.personId(), line.line(), "personId", refusals);
            LocalDate founded = organisations.get(member.homeOrgId());
            LocalDate onRoll = member.toCommand(today).onRollSince();
            if (founded == null && !inLedger.computeIfAbsent(member.homeOrgId(), this::organisationExists)) {
                refusals.add(invalid(line.line(), "homeOrgId", "branch " + member.homeOrgId()
                        + " is neither founded in the file nor in the ledger"));
            } else if (founded != null && onRoll.isBefore(founded)) {
                refusals.add(invalid(line.line(), "onRollSince", "the member cannot be on the roll of "
                        + member.homeOrgId() + " from " + onRoll + ", before it was founded on " + founded));
            }
            person(line, today, nationalIds, refusals);
            Member.checkImportedLine(member.toCommand(today), policies, (field, violation) ->
                    refusals.add(new LineRefusal(line.line(), field, violation.code(), violation.rule(),
                            violation.getMessage())));
        }
    }

    /** Whether the ledger holds the organisation: its record is loaded in a unit of work of its own, as Axon needs. */
    boolean organisationExists(String orgId) {
        try {
            return DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(orgId))
                    .executeWithResult(() -> registry.find(orgId).isPresent()).getPayload();
        } catch (Exception e) {
            throw new IllegalStateException("cannot look organisation " + orgId + " up", e);
        }
    }

    private void person(ImportFile.Numbered<MemberLine> line, LocalDate today, Map<String, Integer> nationalIds,
                        List<LineRefusal> refusals) {
        MemberLine member = line.value();
        if (member.person() == null) {
            if (!register.registered(member.personId())) {
                refusals.add(invalid(line.line(), "person", "person " + member.personId() + " is not registered; "
                        + "the line gives the person's data for the register"));
            }
            return;
        }
        try {
            PersonCommands.checkRegistration(member.person(), today);
            once(nationalIds, member.person().nationalId(), line.line(), "person.nationalId", refusals);
        } catch (PersonRegisterRefusal refusal) {
            refusals.add(new LineRefusal(line.line(), "person", refusal.code(), null, refusal.getMessage()));
        }
    }

    private static void once(Map<String, Integer> seen, String value, int line, String field,
                             List<LineRefusal> refusals) {
        Integer earlier = seen.putIfAbsent(value, line);
        if (earlier != null) {
            refusals.add(invalid(line, field, field + " is on line " + earlier + " already; one record each"));
        }
    }

    private static LineRefusal invalid(int line, String field, String message) {
        return new LineRefusal(line, field, "INVALID_INPUT", null, message);
    }
}

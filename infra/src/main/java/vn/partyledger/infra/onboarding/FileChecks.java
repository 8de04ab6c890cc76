package vn.partyledger.infra.onboarding;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.OnboardingPolicies;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.api.OrganisationCommands;
import vn.partyledger.infra.api.PersonCommands;
import vn.partyledger.infra.person.PersonRegisterRefusal;
import vn.partyledger.infra.person.PersonRegisterStore;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a whole file must pass before anything is written: ids once in the file, organisations under a parent
 * the file founded earlier or the ledger holds and founded by today, members at a home the same way, the person's data
 * as a registration requires it (or a person registered already), a national ID once, each member's stated history
 * and what it shows in force as the record's own rules hold them (ONBOARDING and the overlays' rules), an attachment's
 * host where a home would be, and the leaders of an organisation among the full members the file puts under it. What
 * only the ledger can tell at the moment of writing is checked again then.
 */
final class FileChecks {

    private static final String LEADERS_RULE = "leadersAreFullMembersOnTheBranchRoll";

    private final OrganisationRegistry registry;
    private final PersonRegisterStore register;
    private final OnboardingPolicies policies;
    private final Today today;

    FileChecks(OrganisationRegistry registry, PersonRegisterStore register, OnboardingPolicies policies,
               Today today) {
        this.registry = registry;
        this.register = register;
        this.policies = policies;
        this.today = today;
    }

    void check(ImportFile.Parsed file, LocalDate importDay, List<LineRefusal> refusals) {
        Map<String, OrganisationCommands.Establish> founded = new HashMap<>();
        Map<String, Boolean> inLedger = new HashMap<>();
        for (ImportFile.Numbered<OrganisationLine> line : file.organisations()) {
            OrganisationLine organisation = line.value();
            String parent = organisation.establishment().parentOrgId();
            if (founded.putIfAbsent(organisation.orgId(), organisation.establishment()) != null) {
                refusals.add(invalid(line.line(), "orgId", "organisation " + organisation.orgId()
                        + " is on an earlier line already"));
            } else if (parent != null && !founded.containsKey(parent)
                    && !inLedger.computeIfAbsent(parent, this::organisationExists)) {
                refusals.add(invalid(line.line(), "parentOrgId", "parent " + parent + " is neither founded on an "
                        + "earlier line nor in the ledger; list a parent before its children"));
            }
            ruled(line.line(), "effectiveDate", () -> today.businessDateIsNotInTheFuture("founding taking effect",
                    organisation.establishment().effectiveDate()), refusals);
        }
        Map<String, Integer> memberIds = new HashMap<>();
        Map<String, Integer> personIds = new HashMap<>();
        Map<String, Integer> nationalIds = new HashMap<>();
        Map<String, Integer> transferIds = new HashMap<>();
        Map<String, MemberLine> members = new HashMap<>();
        for (ImportFile.Numbered<MemberLine> line : file.members()) {
            MemberLine member = line.value();
            ImportMember command = member.toCommand(importDay);
            once(memberIds, member.memberId(), line.line(), "memberId", refusals);
            once(personIds, member.personId(), line.line(), "personId", refusals);
            members.putIfAbsent(member.memberId(), member);
            branchOnTheDay(line.line(), "homeOrgId", member.homeOrgId(), "onRollSince", command.onRollSince(),
                    founded, inLedger, refusals);
            if (member.attachment() != null) {
                once(transferIds, member.attachment().transferId(), line.line(), "attachment.transferId", refusals);
                attachment(line, founded, inLedger, refusals);
            }
            person(line, importDay, nationalIds, refusals);
            Member.checkImportedLine(command, policies, (field, violation) ->
                    refusals.add(refusal(line.line(), field, violation)));
        }
        for (ImportFile.Numbered<OrganisationLine> line : file.organisations()) {
            leadership(line, founded, members, inLedger, refusals);
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

    /**
     * A member's home or an attachment's host: a branch founded in the file by the day in question, or in the ledger
     * (whose kind and lifetime the rules check when the line is written).
     */
    private void branchOnTheDay(int line, String field, String orgId, String dayField, LocalDate day,
                                Map<String, OrganisationCommands.Establish> founded, Map<String, Boolean> inLedger,
                                List<LineRefusal> refusals) {
        OrganisationCommands.Establish organisation = founded.get(orgId);
        if (organisation == null && !inLedger.computeIfAbsent(orgId, this::organisationExists)) {
            refusals.add(invalid(line, field, "branch " + orgId + " is neither founded in the file nor in the "
                    + "ledger"));
        } else if (organisation != null && !organisation.kind().isBranch()) {
            refusals.add(invalid(line, field, orgId + " is founded in the file as " + organisation.kind()
                    + ", not as a branch, where members meet"));
        } else if (organisation != null && day.isBefore(organisation.effectiveDate())) {
            refusals.add(invalid(line, dayField, "the member cannot be with " + orgId + " from " + day
                    + ", before it was founded on " + organisation.effectiveDate()));
        }
    }

    /** The host is another branch, there on the day the attachment began; the attachment lasts as I17 allows. */
    private void attachment(ImportFile.Numbered<MemberLine> line, Map<String, OrganisationCommands.Establish> founded,
                            Map<String, Boolean> inLedger, List<LineRefusal> refusals) {
        MemberLine.Attachment attachment = line.value().attachment();
        if (attachment.hostOrgId().equals(line.value().homeOrgId())) {
            refusals.add(invalid(line.line(), "attachment.hostOrgId", "a member is attached to another branch than "
                    + "their home " + line.value().homeOrgId()));
        } else {
            branchOnTheDay(line.line(), "attachment.hostOrgId", attachment.hostOrgId(), "attachment.since",
                    attachment.since(), founded, inLedger, refusals);
        }
        ruled(line.line(), "attachment", () -> TransferCase.checkStated(attachment.toImported(),
                policies.transfers()), refusals);
    }

    /**
     * The leaders in office are full members the file puts on the organisation's roll or, for a committee, on the
     * rolls under it, as the leadership rule reads the roll when the election is recorded (LEADERSHIP); a leader the
     * file does not name may be on the roll already when the organisation is in the ledger, which the rule then tells.
     */
    private void leadership(ImportFile.Numbered<OrganisationLine> line,
                            Map<String, OrganisationCommands.Establish> founded, Map<String, MemberLine> members,
                            Map<String, Boolean> inLedger, List<LineRefusal> refusals) {
        OrganisationCommands.LeadershipElection leadership = line.value().leadership();
        if (leadership == null) {
            return;
        }
        String orgId = line.value().orgId();
        LocalDate foundedOn = line.value().establishment().effectiveDate();
        if (leadership.termStart().isBefore(foundedOn)) {
            refusals.add(invalid(line.line(), "leadership.termStart", "the term cannot start on "
                    + leadership.termStart() + ", before " + orgId + " was founded on " + foundedOn));
        }
        boolean rollInLedger = inLedger.computeIfAbsent(orgId, this::organisationExists);
        Map<String, List<String>> leaders = Map.of("leadership.secretaryMemberId",
                List.of(leadership.secretaryMemberId()), "leadership.deputyMemberIds", leadership.deputyMemberIds(),
                "leadership.committeeMemberIds", leadership.committeeMemberIds());
        leaders.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(field -> {
            List<String> notFull = field.getValue().stream().filter(memberId -> members.containsKey(memberId)
                    ? !fullMemberUnder(members.get(memberId), orgId, founded) : !rollInLedger).toList();
            if (!notFull.isEmpty()) {
                refusals.add(new LineRefusal(line.line(), field.getKey(), "LEADERSHIP", LEADERS_RULE,
                        "Only full members on the roll of " + orgId + " elect and are elected; " + notFull
                                + " are not full members the file puts there"));
            }
        });
    }

    private static boolean fullMemberUnder(MemberLine member, String orgId,
                                           Map<String, OrganisationCommands.Establish> founded) {
        String org = member.homeOrgId();
        while (org != null && !org.equals(orgId)) {
            OrganisationCommands.Establish organisation = founded.get(org);
            org = organisation == null ? null : organisation.parentOrgId();
        }
        return org != null && member.status() == MemberStatus.FULL;
    }

    private void person(ImportFile.Numbered<MemberLine> line, LocalDate importDay, Map<String, Integer> nationalIds,
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
            PersonCommands.checkRegistration(member.person(), importDay);
            once(nationalIds, member.person().nationalId(), line.line(), "person.nationalId", refusals);
        } catch (PersonRegisterRefusal refusal) {
            refusals.add(new LineRefusal(line.line(), "person", refusal.code(), null, refusal.getMessage()));
        }
    }

    /** A rule of the ledger's own, run on the line's field before anything is written. */
    private static void ruled(int line, String field, Runnable rule, List<LineRefusal> refusals) {
        try {
            rule.run();
        } catch (RuleViolation violation) {
            refusals.add(refusal(line, field, violation));
        }
    }

    private static LineRefusal refusal(int line, String field, RuleViolation violation) {
        return new LineRefusal(line, field, violation.code(), violation.rule(), violation.getMessage());
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
